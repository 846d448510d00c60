#!/usr/bin/env bash
# Crash test (issue 16): income reports and pushes under load while, in turn, (a) the portal, (b) its embedded MariaDB
# and (c) both are killed with kill -9. The app clients (bench/CrashClient.java) send every report with its own
# Idempotency-Key and send it again, with the same key, until it is acknowledged; pushes go through the real Firebase
# Admin SDK to a fake FCM server in a process of its own (FakeFcmMain), which writes down every push it accepts.
# Afterwards the database is counted: every acknowledged report stored exactly once (0 lost, 0 doubled), every push
# delivery sent, and a push that arrived twice only as a copy with the same collapse key (the message id).
#
#   bench/crash.sh                       # builds, about 5 minutes
#   BUILD=no CITIZENS=100 bench/crash.sh
#
# Data in bench/results/crash (kept between runs); prints the counts and writes them to bench/results/crash/result-RUN.txt.
# Needs: JDK 17+, curl, openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18085}
BASE="http://127.0.0.1:$PORT"
FCM_PORT=${FCM_PORT:-18099}
CITIZENS=${CITIZENS:-200}            # app users sending income reports, each a thread's turn
THREADS=${THREADS:-16}               # app clients at once
PUSH_CITIZENS=${PUSH_CITIZENS:-1000} # citizens with three phones each: a push batch of 3,000 per crash
FCM_DELAY_MS=${FCM_DELAY_MS:-10}     # the fake FCM server takes this long per push, on FCM_THREADS threads
FCM_THREADS=${FCM_THREADS:-4}
LEASE=${LEASE:-20s}                  # the outbox lease: deliveries of a killed dispatcher are sent again after it
LOAD_BETWEEN=${LOAD_BETWEEN:-10}     # seconds of load after each recovery
RESULTS="$ROOT/bench/results/crash"
RUN=$(date +%s)
mkdir -p "$RESULTS"
LOG="$RESULTS/app-$RUN.log"

if [ "${BUILD:-yes}" = yes ] || [ ! -f backend/target/portal.jar ] || [ ! -f backend/target/bench-classpath.txt ]; then
  echo "Building the portal and the bench classpath..."
  # The whole reactor (works on a fresh clone with an empty local repository, installs nothing).
  ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
CONNECTOR=$(ls backend/target/lib/mysql-connector-j-*.jar | head -1)
JAR=$(mktemp)
source "$ROOT/bench/login.sh"
source "$ROOT/bench/count.sh"

APP= FCM= CLIENT=
cleanup() {
  [ -n "$CLIENT" ] && kill "$CLIENT" 2>/dev/null || true
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  [ -n "$FCM" ] && kill "$FCM" 2>/dev/null || true
  rm -f "$JAR"
}
trap cleanup EXIT

PUSHES="$RESULTS/pushes-$RUN.txt"
java -cp "$CP" nl.bijstandsportaal.bench.FakeFcmMain "$FCM_PORT" "$PUSHES" "$FCM_DELAY_MS" "$FCM_THREADS" >"$RESULTS/fcm-$RUN.log" 2>&1 &
FCM=$!

start_portal() { # start_portal [BENCH_CITIZENS]: a first start makes the benchmark citizens and clears their income
  # reports (as for bench/run.sh); a start after a crash must not, so it is given 0.
  PORT=$PORT PORTAL_DEMO=true PORTAL_RATE_LIMITS=false PORTAL_BASE_URL="$BASE" PORTAL_DATA_DIR="$RESULTS/db" PORTAL_BENCH_CITIZENS=${1:-0} \
    FIREBASE_FAKE_SERVER="http://127.0.0.1:$FCM_PORT" \
    java ${JAVA_OPTS:-} -Dportal.notifications.lease="$LEASE" -Dportal.notifications.dispatch-every=1s \
      -Dportal.mobile.access-token-seconds=3600 -jar backend/target/portal.jar >>"$LOG" 2>&1 &
  APP=$!
}
db_pid() { pgrep -f -- "--datadir=$RESULTS/db" | head -1; }
db_port() { grep -o 'Embedded MariaDB started on port [0-9]*' "$LOG" | tail -1 | grep -o '[0-9]*$'; }
sql() { java -cp "$CONNECTOR" "$ROOT/bench/Sql.java" "$(db_port)" "$@"; }

echo "Starting the portal on $BASE (data in $RESULTS/db)..."
start_portal $(( CITIZENS > PUSH_CITIZENS ? CITIZENS : PUSH_CITIZENS ))
wait_ready "$BASE" 600 >/dev/null || { echo "The portal did not become ready; see $LOG" >&2; exit 1; }

bench_phones "$PUSH_CITIZENS"

echo "Logging in $CITIZENS benchmark citizens in the app..."
TOKENS="$RESULTS/tokens.txt"
login_many "$CITIZENS" "$TOKENS"
FIRST=$(head -1 "$TOKENS")
PERIODS=$(income_periods "$FIRST")
[ -n "$PERIODS" ] || { echo "No income periods for the benchmark citizens" >&2; exit 1; }

echo "Load: $THREADS app clients sending income reports for $PERIODS(run $RUN)..."
java "$ROOT/bench/CrashClient.java" "$BASE" "$TOKENS" "$PERIODS" "$THREADS" "$RESULTS" "$RUN" >"$RESULTS/client-$RUN.txt" 2>"$RESULTS/client-$RUN.err" &
CLIENT=$!
sleep "$LOAD_BETWEEN"

SUMMARY="$RESULTS/result-$RUN.txt"
: >"$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }
n=0
for kind in portal database both; do
  n=$(( n + 1 ))
  prefix=$(batch_prefix $n)
  batch=$(push_batch "$kind" "$prefix")
  # Kill in the middle of the batch: once a fifth of it has been accepted by FCM.
  for _ in $(seq 1 240); do [ "$(accepted "$prefix")" -ge $(( batch / 5 )) ] && break; sleep 0.25; done
  acked_before=$(wc -l <"$RESULTS/acked-$RUN.txt")
  at_kill=$(accepted "$prefix")
  killed_at=$SECONDS
  case $kind in
    portal) kill -9 "$APP"; wait "$APP" 2>/dev/null || true; start_portal ;;
    database) kill -9 "$(db_pid)" ;;
    both) db=$(db_pid); kill -9 "$APP" "$db"; wait "$APP" 2>/dev/null || true; start_portal ;;
  esac
  back=$(wait_ready "$BASE" 300) || { echo "Not back after kill -9 of the $kind; see $LOG" >&2; exit 1; }
  case $kind in portal) what="the portal" ;; database) what="its MariaDB" ;; both) what="the portal and its MariaDB at once" ;; esac
  say "kill -9 of $what with $at_kill of $batch pushes of a batch accepted by FCM and $acked_before reports acknowledged: ready again after $(( SECONDS - killed_at )) s"
  sleep "$LOAD_BETWEEN"
done

touch "$RESULTS/stop-$RUN"
wait "$CLIENT" || true
CLIENT=
say "Client: $(cat "$RESULTS/client-$RUN.txt")"

# The outbox drains: deliveries of a killed dispatcher are sent again when their lease ends.
drain_outbox 180 || say "The outbox did not drain within 180 s"
count_run
verdict
