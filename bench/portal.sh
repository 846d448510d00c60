# Sourced by the bench scripts: waits until the portal started in the background (pid $1, log $2) answers ready at
# $BASE, for at most $3 seconds; stops the script with a plain message when it dies or does not become ready.
wait_until_ready() {
  local app=$1 log=$2 seconds=$3
  for _ in $(seq 1 "$seconds"); do
    if curl -sf "$BASE/health/readiness" >/dev/null; then return 0; fi
    if ! kill -0 "$app" 2>/dev/null; then echo "The portal stopped; see $log" >&2; exit 1; fi
    sleep 1
  done
  curl -sf "$BASE/health/readiness" >/dev/null || { echo "The portal did not become ready" >&2; exit 1; }
}
