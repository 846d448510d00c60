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

start_portal() {
  PORT=$PORT PORTAL_BASE_URL="$BASE" PORTAL_DATA_DIR="$RESULTS/db" PORTAL_BENCH_CITIZENS=$(( CITIZENS > PUSH_CITIZENS ? CITIZENS : PUSH_CITIZENS )) \
    FIREBASE_FAKE_SERVER="http://127.0.0.1:$FCM_PORT" \
    java ${JAVA_OPTS:-} -Dportal.notifications.lease="$LEASE" -Dportal.notifications.dispatch-every=1s \
      -Dportal.mobile.access-token-seconds=3600 -jar backend/target/portal.jar >>"$LOG" 2>&1 &
  APP=$!
}
db_pid() { pgrep -f -- "--datadir=$RESULTS/db" | head -1; }
db_port() { grep -o 'Embedded MariaDB started on port [0-9]*' "$LOG" | tail -1 | grep -o '[0-9]*$'; }
sql() { java -cp "$CONNECTOR" "$ROOT/bench/Sql.java" "$(db_port)" "$@"; }

echo "Starting the portal on $BASE (data in $RESULTS/db)..."
start_portal
wait_ready "$BASE" 600 >/dev/null || { echo "The portal did not become ready; see $LOG" >&2; exit 1; }

# Benchmark citizens: no quiet hours (the test may run at night), three phones each for the first PUSH_CITIZENS.
sql "UPDATE portal.burger SET stille_uren_van = '00:00:00', stille_uren_tot = '00:00:00' WHERE bsn NOT LIKE '99999%'" \
  "INSERT IGNORE INTO portal.device (public_id, burger_id, push_token, platform, app_version, created_at, last_seen_at)
     SELECT UUID(), b.id, CONCAT('crash-', b.id, '-', n.n), 'ANDROID', 'crash', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
     FROM (SELECT id FROM portal.burger WHERE bsn NOT LIKE '99999%' ORDER BY id LIMIT $PUSH_CITIZENS) b
     JOIN (SELECT 1 n UNION ALL SELECT 2 UNION ALL SELECT 3) n"

echo "Logging in $CITIZENS benchmark citizens in the app..."
TOKENS="$RESULTS/tokens.txt"
login_many "$CITIZENS" "$TOKENS"
FIRST=$(head -1 "$TOKENS")
PERIODS=$(curl -sf -H "Authorization: Bearer $FIRST" -H 'Accept: application/json' "$BASE/api/v1/inkomsten" | grep -o '{[^{}]*}' \
  | grep -v '"NOG_NIET"' | grep -o '"code":"[^"]*"' | sed 's/"code":"//; s/"$//' | tr '\n' ' ')
[ -n "$PERIODS" ] || { echo "No income periods for the benchmark citizens" >&2; exit 1; }

# push_batch N: a message for every citizen with crash phones, a delivery per phone, as the outbox writes them.
push_batch() {
  sql "INSERT INTO portal.melding (public_id, burger_id, onderwerp, sleutel, tekst, link, aangemaakt_op)
         SELECT UUID(), burger_id, 'BERICHTEN', 'crash/$RUN/$1', 'notification.message.new', '/berichten', UTC_TIMESTAMP(6)
         FROM portal.device WHERE push_token LIKE 'crash-%' GROUP BY burger_id" \
    "INSERT INTO portal.bezorging (melding_id, kanaal, device_id, status, niet_voor)
         SELECT m.id, 'PUSH', d.id, 'WACHT', UTC_TIMESTAMP(6) FROM portal.melding m
         JOIN portal.device d ON d.burger_id = m.burger_id AND d.push_token LIKE 'crash-%' WHERE m.sleutel = 'crash/$RUN/$1'" \
    "SELECT COUNT(*) FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id WHERE m.sleutel = 'crash/$RUN/$1'"
}
accepted() { [ -f "$PUSHES" ] && wc -l <"$PUSHES" || echo 0; }

echo "Load: $THREADS app clients sending income reports for $PERIODS(run $RUN)..."
java "$ROOT/bench/CrashClient.java" "$BASE" "$TOKENS" "$PERIODS" "$THREADS" "$RESULTS" "$RUN" >"$RESULTS/client-$RUN.txt" 2>"$RESULTS/client-$RUN.err" &
CLIENT=$!
sleep "$LOAD_BETWEEN"

SUMMARY="$RESULTS/result-$RUN.txt"
: >"$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }
for kind in portal database both; do
  before=$(accepted)
  batch=$(push_batch "$kind")
  # Kill in the middle of the batch: once a fifth of it has been accepted by FCM.
  for _ in $(seq 1 240); do [ $(( $(accepted) - before )) -ge $(( batch / 5 )) ] && break; sleep 0.25; done
  acked_before=$(wc -l <"$RESULTS/acked-$RUN.txt")
  killed_at=$SECONDS
  case $kind in
    portal) kill -9 "$APP"; wait "$APP" 2>/dev/null || true; start_portal ;;
    database) kill -9 "$(db_pid)" ;;
    both) db=$(db_pid); kill -9 "$APP" "$db"; wait "$APP" 2>/dev/null || true; start_portal ;;
  esac
  back=$(wait_ready "$BASE" 300) || { echo "Not back after kill -9 of the $kind; see $LOG" >&2; exit 1; }
  say "kill -9 of the $kind: $(( $(accepted) - before )) of $batch pushes of its batch accepted by then (counted after), ready again after $(( SECONDS - killed_at )) s; reports acknowledged before the kill: $acked_before"
  sleep "$LOAD_BETWEEN"
done

touch "$RESULTS/stop-$RUN"
wait "$CLIENT" || true
CLIENT=
say "Client: $(cat "$RESULTS/client-$RUN.txt")"

# The outbox drains: deliveries of a killed dispatcher are sent again when their lease ends.
for _ in $(seq 1 360); do
  waiting=$(sql "SELECT COUNT(*) FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id WHERE m.sleutel LIKE 'crash/$RUN/%' AND b.status = 'WACHT'")
  [ "$waiting" = 0 ] && break
  sleep 0.5
done

sql "SELECT naam, COUNT(*) FROM portal.inkomstenbron WHERE naam LIKE 'crash-$RUN-%' GROUP BY naam" >"$RESULTS/stored-$RUN.txt"
sql "SELECT d.push_token, m.public_id, b.status FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id
       JOIN portal.device d ON d.id = b.device_id WHERE m.sleutel LIKE 'crash/$RUN/%'" >"$RESULTS/deliveries-$RUN.txt"

read -r ACKED RETRIED LOST DOUBLED UNACKED < <(awk '
  FNR == NR { acked[$1] = 1; n++; if ($3 > 1) retried++; next }
  { stored[$1] = $2 }
  END {
    for (k in acked) if (!(k in stored)) lost++
    for (k in stored) { if (stored[k] > 1) doubled++; if (!(k in acked)) unacked++ }
    print n + 0, retried + 0, lost + 0, doubled + 0, unacked + 0 }' "$RESULTS/acked-$RUN.txt" FS='\t' "$RESULTS/stored-$RUN.txt")
read -r DELIVERIES NOT_SENT PUSH_LOST PAIRS_TWICE EXTRA NOT_COLLAPSIBLE < <(awk '
  FNR == NR { want[$1 " " $2] = 1; n++; if ($3 != "VERSTUURD") notsent++; next }
  ($1 " " $2) in want { got[$1 " " $2]++; if ($3 != $2 || $4 != $2 || $5 != $2) bad++ }
  END {
    for (p in want) if (!(p in got)) lost++
    for (p in got) if (got[p] > 1) { twice++; extra += got[p] - 1 }
    print n + 0, notsent + 0, lost + 0, twice + 0, extra + 0, bad + 0 }' FS='\t' "$RESULTS/deliveries-$RUN.txt" FS=' ' "$PUSHES")

say "Income reports: $ACKED acknowledged ($RETRIED of them after one or more retries), lost $LOST, doubled $DOUBLED, stored but never acknowledged $UNACKED"
say "Pushes: $DELIVERIES deliveries in 3 batches, not sent $NOT_SENT, lost $PUSH_LOST, arrived twice $PAIRS_TWICE ($EXTRA extra copies), copies without the message id as collapse key, apns-collapse-id and tag: $NOT_COLLAPSIBLE"
if [ "$LOST" = 0 ] && [ "$DOUBLED" = 0 ] && [ "$UNACKED" = 0 ] && [ "$PUSH_LOST" = 0 ] && [ "$NOT_SENT" = 0 ] && [ "$NOT_COLLAPSIBLE" = 0 ] && [ "$ACKED" -gt 0 ]; then
  say "RESULT: OK"
else
  say "RESULT: FAILED"
  exit 1
fi
