#!/usr/bin/env bash
# Benchmark of the consulent's workplace (issue 15): the team's work list with 20,000 open items (GET /consulent,
# team view: every item of the team gathered, ordered by days left, counted per kind, the first 50 rendered) and
# opening a citizen's file (GET /consulent/burgers/{id}). Target: p95 at most 200 ms and 100 ms.
# Starts the portal on its own embedded MariaDB (bench/results/db-worklist, seeded once with PORTAL_BENCH_WORK_ITEMS),
# logs in the demo consulent Dennis de Boer, and drives wrk on loopback; prints the numbers for docs/benchmarks.md.
#
#   bench/worklist.sh                          # 20,000 items, 20 s per page, 2 threads, 4 connections
#   ITEMS=40000 CONNECTIONS=16 bench/worklist.sh
#
# Needs: JDK 17+, curl, wrk (installed with apt-get when missing and run as root).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18081}
BASE="http://127.0.0.1:$PORT"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
ITEMS=${ITEMS:-20000}
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else echo "Install wrk: sudo apt-get install -y wrk" >&2; exit 1; fi
fi
if [ ! -f backend/target/portal.jar ] || [ "${BUILD:-yes}" = yes ]; then
  echo "Building the portal..."
  ./mvnw -q -B -DskipTests package
fi

echo "Starting the portal on $BASE with $ITEMS open work-list items (the first start seeds them)..."
PORT=$PORT PORTAL_DEMO=true PORTAL_RATE_LIMITS=false PORTAL_BASE_URL="$BASE" PORTAL_DATA_DIR="$RESULTS/db-worklist-$ITEMS" PORTAL_BENCH_WORK_ITEMS=$ITEMS \
  java ${JAVA_OPTS:-} -jar backend/target/portal.jar >"$RESULTS/app-worklist.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
# shellcheck source=bench/portal.sh
source bench/portal.sh
wait_until_ready $APP "$RESULTS/app-worklist.log" 600

# Log in as the demo consulent through the demo page (CSRF cookie + field); what a browser sends back afterwards.
JAR=$(mktemp)
token=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/demo/medewerker" | grep -o 'name="csrfToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrfToken=$token" --data-urlencode "subject=dennis.deboer@utrecht.demo" "$BASE/demo/medewerker"
COOKIE="Cookie: $(awk '$6 == "portal_session" || $6 == "__Host-portal_csrf" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$JAR")"

LIST="/consulent?wie=team"
count=$(curl -sf -H "$COOKIE" "$BASE$LIST" | grep -o '[0-9.]* open, waarvan' | head -1 | tr -d '.' | cut -d' ' -f1)
echo "Items in the team's work list: ${count:-?}"
CITIZEN=$(curl -sf -H "$COOKIE" "$BASE$LIST" | grep -o 'href="/consulent/burgers/[0-9]*"' | head -1 | grep -o '[0-9]*')

run() { # run NAME PATH: warm up, then measure; prints "rps p50 p95 p99 non200"
  local name=$1 path=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$COOKIE" "$BASE$path" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/p95.lua" -H "$COOKIE" "$BASE$path" >"$RESULTS/$name.txt"
  local rps
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$RESULTS/$name.txt")
  echo "$name: $rps requests/s; p50 $(awk '/^P50/ {print $2}' "$RESULTS/$name.txt") ms, p95 $(awk '/^P95/ {print $2}' "$RESULTS/$name.txt") ms, p99 $(awk '/^P99/ {print $2}' "$RESULTS/$name.txt") ms; not 200: $(awk '/^NON200/ {print $2}' "$RESULTS/$name.txt")"
}
run worklist-team "$LIST"
run citizen-file "/consulent/burgers/$CITIZEN"
