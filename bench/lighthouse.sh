#!/usr/bin/env bash
# Lighthouse in mobile mode on the main citizen pages (issue 18, ADR 0043): starts the demo portal, signs in a demo
# citizen and runs Lighthouse 12.2.3 (bench/lighthouse/package-lock.json) against Debian's Chromium on each page, twice:
# a first visit (empty cache) and a repeat visit (cache kept). Prints a table: accessibility, performance, LCP, TBT,
# CLS and the bytes transferred on both visits. Targets: accessibility 100, performance at least 95, at most 100 KB
# transferred on a repeat visit (fonts included). Exits 1 when a target is missed.
#
#   bench/lighthouse.sh                       # builds; about 8 minutes on 2 cores
#   BUILD=no bench/lighthouse.sh              # uses backend/target/portal.jar as it is
#   BUILD=no ONLY_PAGE=overzicht bench/lighthouse.sh   # one page (its name in the table)
#   BSN=999990032 bench/lighthouse.sh         # another demo citizen (default Henk Bakker: late income reports)
#
# Needs: JDK 17+, curl, Node 18+ with npm, chromium (installed with apt-get when missing and run as root).
# Lighthouse's JSON reports are kept in bench/results/lighthouse/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT"
BSN=${BSN:-999990056}
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null; else echo "Install Chromium: sudo apt-get install -y chromium" >&2; exit 1; fi
fi
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium)}

(cd bench/lighthouse && [ -d node_modules/lighthouse ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

if [ ! -f backend/target/portal.jar ] || [ "${BUILD:-yes}" = yes ]; then
  echo "Building the portal..."
  ./mvnw -q -B -DskipTests package
fi

echo "Starting the demo portal on $BASE..."
PORT=$PORT PORTAL_DEMO=true PORTAL_RATE_LIMITS=false PORTAL_BASE_URL="$BASE" PORTAL_DATA_DIR="$RESULTS/lighthouse-db" PORTAL_BENCH_CITIZENS=0 \
  java ${JAVA_OPTS:-} -jar backend/target/portal.jar >"$RESULTS/lighthouse-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
# shellcheck source=bench/portal.sh
source bench/portal.sh
wait_until_ready $APP "$RESULTS/lighthouse-app.log" 300

# A few warm-up requests, so the first Lighthouse run does not measure the JIT compiler.
JAR=$(mktemp)
# shellcheck source=bench/login.sh
source bench/login.sh
COOKIE=$(login_web "$BSN")
for _ in $(seq 1 20); do
  for path in /overzicht /inkomsten /documenten /gesprekken /rechten-en-plichten /meldingen/instellingen; do
    curl -s -o /dev/null -H "Cookie: $COOKIE" "$BASE$path"
  done
  curl -s -o /dev/null "$BASE/inloggen"; curl -s -o /dev/null "$BASE/toegankelijkheid"
done
rm -f "$JAR"

OUT="$RESULTS/lighthouse.txt"
echo "Lighthouse $(node -p 'require("./bench/lighthouse/node_modules/lighthouse/package.json").version'), $($CHROME_PATH --version 2>/dev/null), commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT"
echo | tee -a "$OUT"
STATUS=0
node bench/lighthouse/run.mjs "$BASE" "$BSN" "$RESULTS/lighthouse" | tee -a "$OUT" || STATUS=1  # pipefail: node failed

# A run of every page goes into docs/lighthouse.md, between its markers.
DOC="$ROOT/docs/lighthouse.md"
if [ -z "${ONLY_PAGE:-}" ] && grep -q '<!-- lighthouse:start' "$DOC"; then
  awk -v block="$OUT" '
    /<!-- lighthouse:start/ { print; while ((getline line < block) > 0) print line; skip = 1; next }
    /<!-- lighthouse:end -->/ { skip = 0 }
    !skip { print }' "$DOC" >"$DOC.new" && mv "$DOC.new" "$DOC"
  echo "Written to docs/lighthouse.md"
fi
exit $STATUS
