#!/usr/bin/env bash
# The load harness (issue 13; docs/performance.md "The load harness"). Not part of `mvn verify`.
#
#   ops/load/run.sh                 fill a province (first time), start the jar on PostgreSQL, run every
#                                   simulation, print one summary line each, stop everything
#   ops/load/run.sh ApiReads Pages  only these simulations (names without "Simulation")
#   ops/load/run.sh --fill          only start PostgreSQL and fill the province (then stop it)
#
# Settings (environment):
#   LOAD_PORT=8097  LOAD_PGPORT=55433  LOAD_DIR=/tmp/warmth-load (PostgreSQL data, keys, logs)
#   LOAD_WORKERS=100000 LOAD_CASES=100000 LOAD_OPEN=10000   (LOAD_CASES=1000000 for the large run)
#   LOAD_SECONDS=60 (each simulation)  LOAD_AUTH=bearer|basic  LOAD_HEAP=512m
#   LOAD_JFR=1 (Java Flight Recorder on the jar: $LOAD_DIR/warmth.jfr)  LOAD_KEEP=1 (leave both running)
#   LOAD_FRESH=1 (drop the database and fill it again)  LOAD_JAR=path (run that jar instead of building target/warmth.jar)
# Needs Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin; apt-get install postgresql-15) and the
# project's Maven dependencies (Gatling in the `load` profile). Reports: target/gatling/*/index.html.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${LOAD_PORT:-8097}
PGPORT=${LOAD_PGPORT:-55433}
DIR=${LOAD_DIR:-/tmp/warmth-load}
PGBIN=${LOAD_PGBIN:-/usr/lib/postgresql/15/bin}
WORKERS=${LOAD_WORKERS:-100000}
CASES=${LOAD_CASES:-100000}
OPEN=${LOAD_OPEN:-10000}
SECONDS_EACH=${LOAD_SECONDS:-60}
AUTH=${LOAD_AUTH:-bearer}
HEAP=${LOAD_HEAP:-512m}
DB_URL="jdbc:postgresql://localhost:${PGPORT}/warmth"
SIMS=("$@")
if [ ${#SIMS[@]} -eq 0 ]; then
  SIMS=(Alone ApiReads Pages WholeCases DeadlineWeek)
fi
mkdir -p "$DIR" target/load
APP_PID=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

start_pg() {
  if [ "${LOAD_FRESH:-0}" = 1 ] && [ -d "$DIR/pg" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR/pg"
  fi
  if [ ! -d "$DIR/pg" ]; then
    log "initdb $DIR/pg"
    mkdir -p "$DIR/pg" "$DIR/sock" && chown postgres "$DIR" "$DIR/pg" "$DIR/sock"
    as_postgres "$PGBIN/initdb" -D "$DIR/pg" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$DIR/pg/postgresql.conf" <<EOF
port = $PGPORT
listen_addresses = 'localhost'
unix_socket_directories = '$DIR/sock'
shared_buffers = 256MB
max_connections = 60
EOF
  fi
  if ! as_postgres "$PGBIN/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w start >/dev/null
  fi
  as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -tAc "select 1 from pg_roles where rolname='warmth'" | grep -q 1 \
    || as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -qc "create role warmth login password 'warmth'"
  as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -tAc "select 1 from pg_database where datname='warmth'" | grep -q 1 \
    || as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -qc "create database warmth owner warmth"
}

keys() {
  if [ ! -f "$DIR/keys.env" ]; then
    echo "export WARMTH_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >"$DIR/keys.env"
    echo "export WARMTH_PII_HASH_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >>"$DIR/keys.env"
    echo "export WARMTH_ADMIN_PASSWORD=warmth-load-admin-1" >>"$DIR/keys.env"
  fi
  # shellcheck disable=SC1091
  . "$DIR/keys.env"
  export WARMTH_DB_URL="$DB_URL" WARMTH_DB_USER=warmth WARMTH_DB_PASSWORD=warmth
}

JAR=${LOAD_JAR:-target/warmth.jar}
jar() {
  if [ -n "${LOAD_JAR:-}" ]; then
    return
  fi
  if [ ! -f target/warmth.jar ] || [ -n "$(find src/main config bpmn -newer target/warmth.jar -type f | head -1)" ]; then
    log "building target/warmth.jar"
    mvn -o -q -DskipTests package >/dev/null
  fi
}

fill() {
  local n
  n=$(as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -d warmth -tAc \
    "select count(*) from information_schema.tables where table_name='aid_case'")
  if [ "$n" = 1 ] && [ "$(as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -d warmth -tAc 'select count(*) from aid_case')" -gt 1000 ]; then
    log "database already filled"
    return
  fi
  log "filling the province: $WORKERS workers, $CASES cases ($OPEN open)"
  java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres,demo,loadgen --server.port="$PORT" \
    --app.loadgen.workers="$WORKERS" --app.loadgen.cases="$CASES" --app.loadgen.open-cases="$OPEN" \
    >"$DIR/fill.log" 2>&1 || { tail -50 "$DIR/fill.log"; exit 1; }
  grep "load: done" "$DIR/fill.log" >&2 || true
  as_postgres psql -h "$DIR/sock" -p "$PGPORT" -U postgres -d warmth -qc "vacuum analyze"
}

start_app() {
  local jfr=()
  if [ "${LOAD_JFR:-0}" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=$DIR/warmth.jfr,settings=profile,dumponexit=true")
  fi
  log "starting the jar on :$PORT (heap $HEAP)"
  java "-Xmx$HEAP" "${jfr[@]}" -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" \
    >"$DIR/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "http://localhost:$PORT/login" 2>/dev/null; then
      break
    fi
    sleep 1
  done
  grep -o "Started WarmthApplication in [0-9.]* seconds" "$DIR/app.log" | tail -1 | sed "s/^/startup: /" | tee -a target/load/summary.txt >&2
}

stop_all() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    if [ "${LOAD_KEEP:-0}" = 1 ]; then
      log "left running: jar pid $APP_PID on :$PORT, PostgreSQL on :$PGPORT"
      return
    fi
    kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
  fi
  if [ "${LOAD_KEEP:-0}" != 1 ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap stop_all EXIT

heap() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -Eo "used [0-9]+K" | head -1 | awk '{printf "heap after the runs (after a full GC): %d MB\n", $2/1024}' \
    | tee -a target/load/summary.txt >&2
}

run_sim() {
  local sim=$1
  log "simulation $sim (${SECONDS_EACH}s, load $(cut -d' ' -f1-3 /proc/loadavg))"
  mvn -o -q -Pload test-compile gatling:test -Dgatling.simulationClass="cn.warmth.load.${sim}Simulation" \
    -Dload.base="http://localhost:$PORT" -Dload.db="$DB_URL" -Dload.seconds="$SECONDS_EACH" -Dload.auth="$AUTH" \
    >"$DIR/gatling-$sim.log" 2>&1 || { tail -40 "$DIR/gatling-$sim.log"; }
  local report
  report=$(ls -td target/gatling/"$(echo "$sim" | tr 'A-Z' 'a-z')"simulation-*/ 2>/dev/null | head -1 || true)
  if [ -z "$report" ] || [ ! -f "$report/js/stats.js" ]; then
    log "no report for $sim (see $DIR/gatling-$sim.log)"
    return
  fi
  python3 ops/load/summary.py "$sim" "$report" "$SECONDS_EACH" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a target/load/summary.txt
}

start_pg
keys
jar
fill
if [ "${SIMS[0]}" = "--fill" ]; then
  exit 0
fi
start_app
echo "== $(date -Iseconds) cases=$CASES auth=$AUTH seconds=$SECONDS_EACH" >>target/load/summary.txt
if [[ " ${SIMS[*]} " != *" Warmup "* ]] && [ "${LOAD_WARMUP:-1}" = 1 ]; then
  run_sim Warmup >/dev/null
fi
for sim in "${SIMS[@]}"; do
  run_sim "$sim"
done
heap
