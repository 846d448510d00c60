#!/usr/bin/env bash
# Two portal instances on one database server behind a local proxy (issue 16): Debian's mariadb-server, run by this
# script on its own port and folder, and Debian's haproxy in front of two portals (round robin, readiness as health
# check). Citizens log in through the proxy with the real OpenID Connect login (a local test provider stands in for the
# DigiD broker; with a database server the demo login is off), so a login starts on one instance and ends on the
# other. Under load (income reports with Idempotency-Keys, retried until acknowledged, and a push batch through the
# real Firebase Admin SDK to a fake FCM server), instance A is killed with kill -9; B carries on. Then: every
# acknowledged report stored once, the web session and app token made before still valid (through the proxy, and on
# each instance directly while both ran), every push delivery sent, doubles only as collapsible copies.
#
#   bench/two-instances.sh              # installs mariadb-server and haproxy with apt-get when missing (as root)
#   BUILD=no CITIZENS=100 bench/two-instances.sh
#
# Data in bench/results/two (the server's folder is made afresh each run); prints and writes result-RUN.txt there.
# Needs: JDK 17+, curl, openssl; Debian's mariadb-server, mariadb-client and haproxy.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROXY_PORT=${PROXY_PORT:-18180}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
DB_PORT=${DB_PORT:-13307}
OIDC_PORT=${OIDC_PORT:-18190}
FCM_PORT=${FCM_PORT:-18199}
SEED_PORT=${SEED_PORT:-18189}
BASE="http://127.0.0.1:$PROXY_PORT"
CITIZENS=${CITIZENS:-200}
THREADS=${THREADS:-16}
PUSH_CITIZENS=${PUSH_CITIZENS:-1000}
FCM_DELAY_MS=${FCM_DELAY_MS:-40}     # slower than in crash.sh: the batch lasts long enough for both dispatchers to hold a part
FCM_THREADS=${FCM_THREADS:-4}
LEASE=${LEASE:-20s}
LOAD_BETWEEN=${LOAD_BETWEEN:-10}
RESULTS="$ROOT/bench/results/two"
RUN=$(date +%s)
EXT="$RESULTS/mariadb"
mkdir -p "$RESULTS"
SECRET_JWT=$(openssl rand -hex 32)
SECRET_CSRF=$(openssl rand -hex 32)
DB_PASSWORD=$(openssl rand -hex 12)

missing=()
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v mariadb-dump >/dev/null || missing+=(mariadb-client)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q "${missing[@]}" >/dev/null
  else echo "Install: sudo apt-get install -y ${missing[*]}" >&2; exit 1; fi
fi
export PATH="$PATH:/usr/sbin"

if [ "${BUILD:-yes}" = yes ] || [ ! -f backend/target/portal.jar ] || [ ! -f backend/target/bench-classpath.txt ]; then
  echo "Building the portal and the bench classpath..."
  ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
CONNECTOR=$(ls backend/target/lib/mysql-connector-j-*.jar | head -1)
JAR=$(mktemp)
source "$ROOT/bench/login.sh"
source "$ROOT/bench/count.sh"

PIDS=()
A= B= DB= CLIENT=
cleanup() {
  [ -n "$CLIENT" ] && kill "$CLIENT" 2>/dev/null || true
  for p in $A $B; do kill "$p" 2>/dev/null || true; done
  for p in $A $B; do wait "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$DB" ] && kill "$DB" 2>/dev/null && wait "$DB" 2>/dev/null || true
  rm -f "$JAR"
}
trap cleanup EXIT
SUMMARY="$RESULTS/result-$RUN.txt"
: >"$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }

# 1. Data to start from: the demo and benchmark citizens, made by a portal on its embedded database, dumped.
SEED="$RESULTS/seed.sql"
# The keys at rest (ADR 0042) belong to the seeded data: made once with it, used by the seeding demo and both portals.
KEYS="$RESULTS/seed-keys"
if [ ! -f "$KEYS" ] || [ ! -f "$SEED" ]; then
  rm -f "$SEED"
  printf 'PORTAL_DATA_KEYS=bench:%s\nPORTAL_BSN_INDEX_KEY=%s\n' "$(openssl rand -base64 32)" "$(openssl rand -base64 32)" >"$KEYS"
fi
set -a; . "$KEYS"; set +a
if [ ! -s "$SEED" ] || [ "${RESEED:-no}" = yes ]; then
  echo "Seeding: a portal on an embedded database with $PUSH_CITIZENS benchmark citizens, dumped with mariadb-dump..."
  rm -rf "$RESULTS/seed-db"
  PORT=$SEED_PORT PORTAL_DEMO=true PORTAL_DATA_DIR="$RESULTS/seed-db" PORTAL_BENCH_CITIZENS=$(( CITIZENS > PUSH_CITIZENS ? CITIZENS : PUSH_CITIZENS )) \
    PORTAL_NOTIFICATIONS=false java -jar backend/target/portal.jar >"$RESULTS/seed.log" 2>&1 &
  seed=$!
  wait_ready "http://127.0.0.1:$SEED_PORT" 600 >/dev/null || { echo "The seeding portal did not start; see $RESULTS/seed.log" >&2; exit 1; }
  port=$(grep -o 'Embedded MariaDB started on port [0-9]*' "$RESULTS/seed.log" | tail -1 | grep -o '[0-9]*$')
  mariadb-dump -h 127.0.0.1 -P "$port" -u portal -p"$(cat "$RESULTS/seed-db/portal-account")" --single-transaction --quick --routines --triggers --hex-blob portal >"$SEED.tmp"
  mv "$SEED.tmp" "$SEED"
  kill "$seed"; wait "$seed" || true
fi

# 2. Debian's MariaDB on its own port and folder (no systemd needed), durable settings as in docs/operations.md.
echo "Starting Debian's MariaDB on port $DB_PORT (folder $EXT)..."
rm -rf "$EXT"; mkdir -p "$EXT"
cat >"$EXT/my.cnf" <<EOF
[mariadbd]
datadir=$EXT/data
socket=$EXT/mariadb.sock
pid-file=$EXT/mariadbd.pid
log-error=$EXT/error.log
port=$DB_PORT
bind-address=127.0.0.1
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_flush_log_at_trx_commit=1
max_connections=200
EOF
mariadb-install-db --defaults-file="$EXT/my.cnf" --user="$(id -un)" >"$EXT/install.log" 2>&1
mariadbd --defaults-file="$EXT/my.cnf" --user="$(id -un)" &
DB=$!
for _ in $(seq 1 120); do mariadb --socket="$EXT/mariadb.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
mariadb --socket="$EXT/mariadb.sock" -u root -e "
  CREATE DATABASE portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'portal'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON portal.* TO 'portal'@'127.0.0.1';"
mariadb --socket="$EXT/mariadb.sock" -u root portal <"$SEED"
sql() { java -cp "$CONNECTOR" "$ROOT/bench/Sql.java" "jdbc:mysql://127.0.0.1:$DB_PORT/?user=portal&password=$DB_PASSWORD" "$@"; }
bench_phones "$PUSH_CITIZENS"

# 3. The test OpenID Connect provider (interactive login: a form that takes any subject and claims) and fake FCM.
SERVER_PORT=$OIDC_PORT JSON_CONFIG='{"interactiveLogin":true}' \
  java -cp "$CP" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >"$RESULTS/oidc-$RUN.log" 2>&1 &
PIDS+=($!)
PUSHES="$RESULTS/pushes-$RUN.txt"
java -cp "$CP" nl.bijstandsportaal.bench.FakeFcmMain "$FCM_PORT" "$PUSHES" "$FCM_DELAY_MS" "$FCM_THREADS" >"$RESULTS/fcm-$RUN.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$OIDC_PORT/digid/.well-known/openid-configuration" >/dev/null && break; sleep 0.5; done

# 4. Two portals on the one database, the same secrets, started at the same moment (both run the migrations).
start_instance() { # start_instance NAME PORT: prints the pid
  PORT=$2 PORTAL_BASE_URL="$BASE" JWT_SECRET=$SECRET_JWT CSRF_SECRET=$SECRET_CSRF PORTAL_RATE_LIMITS=false \
    DB_URL="jdbc:mysql://127.0.0.1:$DB_PORT/portal" DB_TLS=off-on-this-host DB_USER=portal DB_PASSWORD=$DB_PASSWORD \
    FIREBASE_FAKE_SERVER="http://127.0.0.1:$FCM_PORT" \
    java ${JAVA_OPTS:-} -Dportal.notifications.lease="$LEASE" -Dportal.notifications.dispatch-every=1s \
      -Dportal.mobile.access-token-seconds=3600 \
      -Dmicronaut.security.oauth2.clients.digid.client-id=portal-digid \
      -Dmicronaut.security.oauth2.clients.digid.client-secret=digid-secret \
      -Dmicronaut.security.oauth2.clients.digid.openid.issuer="http://127.0.0.1:$OIDC_PORT/digid" \
      -jar backend/target/portal.jar >>"$RESULTS/$1-$RUN.log" 2>&1 &
  echo $!
}
echo "Starting instances A (:$PORT_A) and B (:$PORT_B) on the database server..."
A=$(start_instance a "$PORT_A")
B=$(start_instance b "$PORT_B")
wait_ready "http://127.0.0.1:$PORT_A" 300 >/dev/null || { echo "A did not start; see $RESULTS/a-$RUN.log" >&2; exit 1; }
wait_ready "http://127.0.0.1:$PORT_B" 300 >/dev/null || { echo "B did not start; see $RESULTS/b-$RUN.log" >&2; exit 1; }

# 5. haproxy in front: round robin, readiness as health check every second, a refused connection tried on the other.
cat >"$RESULTS/haproxy.cfg" <<EOF
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 2
  option redispatch
frontend portal
  bind 127.0.0.1:$PROXY_PORT
  default_backend portals
backend portals
  balance roundrobin
  option httpchk GET /health/readiness
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server a 127.0.0.1:$PORT_A check
  server b 127.0.0.1:$PORT_B check
EOF
haproxy -db -f "$RESULTS/haproxy.cfg" >"$RESULTS/haproxy-$RUN.log" 2>&1 &
PIDS+=($!)
wait_ready "$BASE" 60 >/dev/null || { echo "haproxy did not come up; see $RESULTS/haproxy-$RUN.log" >&2; exit 1; }

# 6. Logins through the proxy (each login's requests go to both instances in turn).
echo "Logging in $CITIZENS benchmark citizens through the proxy (OpenID Connect, then the app's PKCE login)..."
export LOGIN_WEB=login_oidc
TOKENS="$RESULTS/tokens.txt"
login_many "$CITIZENS" "$TOKENS"
WEB=$(login_oidc 999990032)    # Fatima's web session, made through the proxy
APP_TOKEN=$(head -1 "$TOKENS")
both_accept() { # both_accept WHAT: the web session and the app token on each instance directly
  local a1 a2 b1 b2
  a1=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $WEB" "http://127.0.0.1:$PORT_A/overzicht")
  b1=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $WEB" "http://127.0.0.1:$PORT_B/overzicht")
  a2=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $APP_TOKEN" -H 'Accept: application/json' "http://127.0.0.1:$PORT_A/api/v1/ik")
  b2=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $APP_TOKEN" -H 'Accept: application/json' "http://127.0.0.1:$PORT_B/api/v1/ik")
  say "Session made through the proxy, $1: web /overzicht on A $a1, on B $b1; app /api/v1/ik on A $a2, on B $b2"
  [ "$a1$b1$a2$b2" = 200200200200 ] || { say "RESULT: FAILED (a session does not work on both instances)"; exit 1; }
}
both_accept "before the kill"
PERIODS=$(income_periods "$APP_TOKEN")
[ -n "$PERIODS" ] || { echo "No income periods for the benchmark citizens" >&2; exit 1; }

# 7. Load through the proxy, a push batch, and kill -9 of A in the middle of it.
echo "Load: $THREADS app clients through the proxy (run $RUN)..."
java "$ROOT/bench/CrashClient.java" "$BASE" "$TOKENS" "$PERIODS" "$THREADS" "$RESULTS" "$RUN" >"$RESULTS/client-$RUN.txt" 2>"$RESULTS/client-$RUN.err" &
CLIENT=$!
sleep "$LOAD_BETWEEN"
prefix=$(batch_prefix 1)
batch=$(push_batch kill-a "$prefix")
# Kill in the middle of the batch (a fifth of it accepted by FCM), while both dispatchers hold deliveries they are
# sending (A's and B's claims, results not yet recorded).
for _ in $(seq 1 240); do [ "$(accepted "$prefix")" -ge $(( batch / 5 )) ] && break; sleep 0.25; done
claimed=
for _ in $(seq 1 10); do
  claimed=$(sql "SELECT SUBSTRING_INDEX(geclaimd_door, '/', 1), COUNT(*) FROM portal.bezorging
                 WHERE status = 'WACHT' AND geclaimd_door IS NOT NULL GROUP BY 1" | tr '\t\n' ': ')
  [ "$(echo "$claimed" | grep -o 'dispatcher-' | wc -l)" -ge 2 ] && break
  sleep 0.2
done
acked_before=$(wc -l <"$RESULTS/acked-$RUN.txt")
at_kill=$(accepted "$prefix")
kill -9 "$A"; wait "$A" 2>/dev/null || true; A=
say "kill -9 of instance A: $acked_before reports acknowledged before, $at_kill of $batch pushes of the batch accepted by FCM; deliveries claimed and not yet recorded a moment before, per dispatcher (A's and B's): ${claimed:-none}"
sleep "$LOAD_BETWEEN"
web=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $WEB" "$BASE/overzicht")
app=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $APP_TOKEN" -H 'Accept: application/json' "$BASE/api/v1/ik")
say "After the kill, through the proxy (B alone): web /overzicht $web, app /api/v1/ik $app; reports acknowledged since the kill: $(( $(wc -l <"$RESULTS/acked-$RUN.txt") - acked_before ))"
[ "$web$app" = 200200 ] || { say "RESULT: FAILED (the session does not work after the kill)"; exit 1; }
sleep "$LOAD_BETWEEN"
touch "$RESULTS/stop-$RUN"
wait "$CLIENT" || true
CLIENT=
say "Client: $(cat "$RESULTS/client-$RUN.txt")"
say "Proxy: $(grep -c 'is DOWN' "$RESULTS/haproxy-$RUN.log" || true) server(s) marked down: $(grep -o 'Server portals/[ab] is DOWN[^,]*' "$RESULTS/haproxy-$RUN.log" | head -1)"

drain_outbox 180 || say "The outbox did not drain within 180 s"
count_run
verdict
