# Sourced by bench/crash.sh and bench/two-instances.sh: logging in as the demo DigiD page and the app do (the same
# steps as bench/run.sh). Needs BASE (the portal's address) and JAR (a cookie jar file) set.

# login_web [BSN]: a demo citizen's session cookie ("portal_session=...; __Host-portal_csrf=..."), Fatima by default.
login_web() {
  local bsn=${1:-999990032}
  rm -f "$JAR"
  local token
  token=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/demo/digid" | grep -o 'name="csrfToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrfToken=$token" --data-urlencode "bsn=$bsn" "$BASE/demo/digid"
  awk '$6 == "portal_session" || $6 == "__Host-portal_csrf" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$JAR"
}

# login_oidc BSN: the same through the real OpenID Connect login (no demo: a database server), against the test
# provider mock-oauth2-server with interactive login (bench/two-instances.sh starts it): its form gets a subject and
# the claim bsn, as a DigiD broker would give.
login_oidc() {
  rm -f "$JAR"
  local authorize callback
  authorize=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" "$BASE/oauth/login/digid")
  callback=$(curl -s -o /dev/null -w '%{redirect_url}' --data-urlencode "username=digid-$1" \
    --data-urlencode "claims={\"bsn\":\"$1\"}" "$authorize")
  curl -s -o /dev/null -c "$JAR" -b "$JAR" "$callback"
  awk '$6 == "portal_session" || $6 == "__Host-portal_csrf" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$JAR"
}

# login_app [BSN]: an app access token for a citizen (authorization code with PKCE, then the token exchange), after
# a web login with LOGIN_WEB (login_web, the demo, by default; login_oidc without the demo).
login_app() {
  ${LOGIN_WEB:-login_web} "${1:-999990032}" >/dev/null
  local verifier challenge location code
  verifier=$(openssl rand -base64 48 | tr -d '=+/\n' | cut -c1-64)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
  # The app's registered redirect address (exact match, ADR 0034); curl reads the code from the Location header.
  location=$(curl -s -o /dev/null -D - -b "$JAR" \
    "$BASE/api/v1/auth/authorize?response_type=code&client_id=portal-app&redirect_uri=nl.bijstandsportaal.app:/oauth2redirect&code_challenge=$challenge&code_challenge_method=S256&state=bench" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Accept: application/json' \
    --data-urlencode grant_type=authorization_code --data-urlencode client_id=portal-app \
    --data-urlencode "code=$code" --data-urlencode "code_verifier=$verifier" \
    --data-urlencode redirect_uri=nl.bijstandsportaal.app:/oauth2redirect --data-urlencode device_name=bench \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# login_many N FILE: app tokens of the first N benchmark citizens (bench/Bsns.java), eight logins at a time.
login_many() {
  export -f login_web login_oidc login_app
  export BASE LOGIN_WEB
  java "$ROOT/bench/Bsns.java" "$1" | xargs -P 8 -I{} bash -c 'JAR=$(mktemp); echo "$(login_app {})"; rm -f "$JAR"' | grep . >"$2" || true
  [ "$(grep -c . "$2")" = "$1" ] || { echo "Only $(grep -c . "$2") of $1 benchmark citizens could log in" >&2; return 1; }
}

# wait_ready URL SECONDS: until URL/health/readiness answers 200; prints the seconds it took.
wait_ready() {
  local start=$SECONDS
  for _ in $(seq 1 $(( $2 * 4 ))); do
    if curl -sf -m 2 "$1/health/readiness" >/dev/null; then echo $(( SECONDS - start )); return 0; fi
    sleep 0.25
  done
  return 1
}
