#!/usr/bin/env bash
# Warmth two-node drill (issue 14), on loopback only, bounded in time:
#   PostgreSQL (Debian's server, a temporary data folder), two nodes of target/warmth.jar, nginx in
#   front; signed-in page users and API clients through nginx for DRILL_SECONDS; one node killed
#   with SIGKILL at DRILL_KILL_AT seconds into the load and started again; then the checks
#   (sessions, CSRF and language kept, cases consistent, nothing paid twice, reminders once,
#   stat_summary equal to a recount, no 5xx outside the kill); then a backup (ops/backup.sh), a
#   restore into a fresh database (ops/restore.sh), a node on it, and every case, payment and
#   report found again. Ends with "N passed, M failed"; exit status 1 on any failure.
#
#   ops/drill/two-nodes.sh          (after `mvn package`; CI runs it after `mvn verify`)
#
# Settings (environment): DRILL_SECONDS (100), DRILL_KILL_AT (random, 25-55 s into the load),
# DRILL_PG_PORT (55434), DRILL_NODE_PORTS ("8181 8182"), DRILL_MANAGEMENT_PORTS ("8191 8192"),
# DRILL_NGINX_PORT (8180), DRILL_JAR (target/warmth.jar), DRILL_KEEP (1: keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
JAR="${DRILL_JAR:-$ROOT/target/warmth.jar}"
SECONDS_LOAD="${DRILL_SECONDS:-100}"
KILL_AT="${DRILL_KILL_AT:-$((25 + RANDOM % 31))}"
PGPORT="${DRILL_PG_PORT:-55434}"
read -r -a PORTS <<< "${DRILL_NODE_PORTS:-8181 8182}"
read -r -a MPORTS <<< "${DRILL_MANAGEMENT_PORTS:-8191 8192}"
NGINX_PORT="${DRILL_NGINX_PORT:-8180}"
STARTED=$(date +%s)
WORK=$(mktemp -d /tmp/warmth-drill.XXXXXX)
chmod 755 "$WORK"
RESULTS="$WORK/results.txt"
: > "$RESULTS"
ADMIN_PW="drill-root-pw-$RANDOM$RANDOM"

log() { printf '[drill %4ss] %s\n' "$(( $(date +%s) - STARTED ))" "$*"; }
pass() { echo "PASS $1: $2" | tee -a "$RESULTS"; }
fail() { echo "FAIL $1: $2" | tee -a "$RESULTS"; }

for tool in psql nginx python3 curl; do
  command -v "$tool" >/dev/null || { echo "the drill needs $tool (apt-get install postgresql nginx python3 curl)"; exit 2; }
done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: run mvn package first"; exit 2; }

# PostgreSQL refuses to run as root: as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  set +e
  for n in 1 2 3; do
    [ -f "$WORK/node$n.pid" ] && kill -9 "$(cat "$WORK/node$n.pid")" 2>/dev/null
  done
  [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" -s stop 2>/dev/null
  [ -d "$WORK/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  if [ "${DRILL_KEEP:-0}" != 1 ] && [ "${DRILL_FAILED:-1}" = 0 ]; then rm -rf "$WORK"; else echo "drill work folder kept: $WORK"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------- database
log "PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT in $WORK/pg"
mkdir -p "$WORK/pg" "$WORK/pgsock" "$WORK/pglog"
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/pg" "$WORK/pgsock" "$WORK/pglog"; fi
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/postgres.log" -w \
  -o "-p $PGPORT -k $WORK/pgsock -c listen_addresses=127.0.0.1 -c max_connections=120 -c fsync=on" start >/dev/null
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
createdb warmth

# Keys for this drill only, in the environment file the backup carries.
cat > "$WORK/warmth.env" <<EOF
WARMTH_DB_USER=postgres
WARMTH_DB_PASSWORD=postgres
WARMTH_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
WARMTH_PII_HASH_KEY=$(head -c 32 /dev/urandom | base64)
WARMTH_ADMIN_PASSWORD=$ADMIN_PW
EOF

# ---------------------------------------------------------------------------------------- nodes
start_node() { # n port management-port database
  (
    set -a; . "$WORK/warmth.env"; set +a
    export WARMTH_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$4"
    exec java -Xmx512m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$WORK" -jar "$JAR" \
      --spring.profiles.active=postgres --server.port="$2" --management.server.port="$3" \
      --logging.level.root=WARN --logging.level.cn.warmth=INFO >>"$WORK/node$1.log" 2>&1
  ) &
  echo $! > "$WORK/node$1.pid"
}

wait_ready() { # n management-port seconds
  local deadline=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$WORK/node$1.pid")" 2>/dev/null; then tail -40 "$WORK/node$1.log"; return 1; fi
    sleep 1
  done
  tail -40 "$WORK/node$1.log"
  return 1
}

# The first node migrates an empty database and creates the administrator; the second starts after it.
log "node 1 on ${PORTS[0]}"
start_node 1 "${PORTS[0]}" "${MPORTS[0]}" warmth
wait_ready 1 "${MPORTS[0]}" 240 || { fail "node 1 ready" "did not become ready"; exit 1; }
log "node 2 on ${PORTS[1]}"
start_node 2 "${PORTS[1]}" "${MPORTS[1]}" warmth
wait_ready 2 "${MPORTS[1]}" 240 || { fail "node 2 ready" "did not become ready"; exit 1; }
pass "two nodes ready" "readiness (database, job executor, engine) UP on ${MPORTS[0]} and ${MPORTS[1]}"

# ---------------------------------------------------------------------------------------- nginx
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
chmod -R 777 "$WORK/nginx"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  map \$cookie_SESSION \$warmth_sticky { "" \$request_id; default \$cookie_SESSION; }
  upstream warmth {
    hash \$warmth_sticky consistent;
    server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 21m;
    location / {
      proxy_pass http://warmth;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id \$request_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx.conf"
log "nginx on 127.0.0.1:$NGINX_PORT"

cat > "$WORK/drill.json" <<EOF
{"base": "http://127.0.0.1:$NGINX_PORT", "adminPassword": "$ADMIN_PW", "rootOrg": "SX", "seconds": $SECONDS_LOAD,
 "pgPort": $PGPORT, "db": "warmth", "workersPerSchool": 10}
EOF
python3 ops/drill/driver.py setup "$WORK"

# ------------------------------------------------------------------------------ load and the kill
python3 ops/drill/driver.py run "$WORK" &
DRIVER=$!
while [ ! -f "$WORK/load-started" ]; do
  kill -0 "$DRIVER" 2>/dev/null || { fail "load" "the driver stopped before the load began"; exit 1; }
  sleep 0.5
done
VICTIM_PORT=$(cat "$WORK/victim")
VICTIM=1
[ "$VICTIM_PORT" = "${PORTS[1]}" ] && VICTIM=2
VPORT=${PORTS[$((VICTIM - 1))]}
VMPORT=${MPORTS[$((VICTIM - 1))]}
LOAD_START=$(cut -d. -f1 < "$WORK/load-started")
sleep $(( LOAD_START + KILL_AT - $(date +%s) > 0 ? LOAD_START + KILL_AT - $(date +%s) : 0 ))
log "kill -9 node $VICTIM (port $VPORT) ${KILL_AT} s into the load"
date +%s.%N > "$WORK/kill-start"
JAVA_PID=$(pgrep -P "$(cat "$WORK/node$VICTIM.pid")" java || cat "$WORK/node$VICTIM.pid")
kill -9 "$JAVA_PID" "$(cat "$WORK/node$VICTIM.pid")" 2>/dev/null || true
sleep 3
log "node $VICTIM started again"
start_node "$VICTIM" "$VPORT" "$VMPORT" warmth
if wait_ready "$VICTIM" "$VMPORT" 240; then
  date +%s.%N > "$WORK/kill-end"
  pass "killed node back" "node $VICTIM killed with SIGKILL and ready again after $(( $(date +%s) - LOAD_START - KILL_AT )) s"
else
  date +%s.%N > "$WORK/kill-end"
  fail "killed node back" "node $VICTIM did not become ready again"
fi
wait "$DRIVER" || fail "load" "the driver failed"
log "load over; checks"
python3 ops/drill/driver.py check "$WORK" || fail "checks" "the checker failed"

# ------------------------------------------------------------------------------- backup, restore
# Both nodes stopped (SIGTERM, graceful) so that the snapshot below is what the dump holds;
# in production the backup runs while the nodes serve.
for n in 1 2; do
  pid=$(cat "$WORK/node$n.pid"); jpid=$(pgrep -P "$pid" java || echo "$pid")
  kill "$jpid" 2>/dev/null || true
done
for n in 1 2; do
  for _ in $(seq 1 60); do kill -0 "$(cat "$WORK/node$n.pid")" 2>/dev/null || break; sleep 1; done
done
python3 ops/drill/driver.py snapshot "$WORK" warmth source
if WARMTH_ENV_FILE="$WORK/warmth.env" PGDATABASE=warmth ops/backup.sh "$WORK/backup" > "$WORK/backup.log" 2>&1; then
  pass "backup" "$(tail -1 "$WORK/backup.log")"
else
  fail "backup" "$(tail -3 "$WORK/backup.log")"
fi
if ops/restore.sh "$WORK/backup" warmth_restored > "$WORK/restore.log" 2>&1; then
  pass "restore" "$(tail -1 "$WORK/restore.log")"
else
  fail "restore" "$(tail -3 "$WORK/restore.log")"
fi
python3 ops/drill/driver.py snapshot "$WORK" warmth_restored restored
# A node on the restored database, with the keys from the backup, behind the same nginx.
cp "$WORK/backup/warmth.env" "$WORK/warmth.env"
start_node 3 "${PORTS[0]}" "${MPORTS[0]}" warmth_restored
if wait_ready 3 "${MPORTS[0]}" 240; then
  pass "restored node ready" "a node on warmth_restored answers ready"
  sleep 5 # nginx may still hold the second node as failed for a moment
  python3 ops/drill/driver.py restored "$WORK" || fail "restore checks" "the checker failed"
else
  fail "restored node ready" "no node on the restored database"
fi

# ----------------------------------------------------------------------------------------- end
PASSED=$(grep -c '^PASS' "$RESULTS" || true)
FAILED=$(grep -c '^FAIL' "$RESULTS" || true)
log "drill over in $(( $(date +%s) - STARTED )) s; work folder $WORK"
if [ "$FAILED" -gt 0 ]; then
  DRILL_FAILED=1
  for n in 1 2 3; do
    if [ -f "$WORK/node$n.log" ]; then
      echo "--- node $n (errors)"
      grep -E "ERROR|Exception" "$WORK/node$n.log" | head -20 || true
    fi
  done
else
  DRILL_FAILED=0
fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
