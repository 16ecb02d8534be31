#!/usr/bin/env bash
# Issuing on SQLite and on PostgreSQL side by side with the same packaged jar (issue #16, docs/postgresql.md):
# seeds two Diklat (300 and 1,000 eligible participants, two-page STTPs) in a fresh SQLite file and a fresh
# PostgreSQL database, starts one instance on each, warms both up, then issues each event through the API
# (POST /api/events/{id}/certificates, polling the job), alternating the engines round by round so both see
# the same machine. Between rounds the certificates, jobs, audit lines and counters are deleted.
#   mvn -B -o package -DskipTests && src/test/load/issue.sh [rounds, default 3]
#   PG_DB=piagam_bench (re-created as the postgres user: run as root or postgres), PG_USER/PG_PASSWORD=piagam
#   SIZES="300 1000" (each a seeded event: 300 or 1000), WARMUP=1000 (the event issued once, untimed, first)
#   STATS=1: pg_stat_statements (must be in shared_preload_libraries) reset before and printed after each PostgreSQL round
# Results: target/issue/results.txt (one line per round: engine, certificates, seconds, certificates/s)
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${1:-3}
SQLITE_PORT=${SQLITE_PORT:-18470}
PG_PORT=${PG_PORT:-18471}
PG_DB=${PG_DB:-piagam_bench}
PG_USER=${PG_USER:-piagam}
PG_PASSWORD=${PG_PASSWORD:-piagam}
PG_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
JAR=$(realpath "${JAR:-target/piagam-0.1.0-SNAPSHOT.jar}")
DIR=target/issue
OUT=$DIR/results.txt
if [ -z "${REUSE:-}" ]; then
  rm -rf "$DIR/sqlite" "$DIR/postgresql"
fi
mkdir -p "$DIR/sqlite/data" "$DIR/postgresql"

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }
pg() { PGPASSWORD=$PG_PASSWORD psql -q -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 "$@"; }

if [ ! -f "$DIR/classpath.txt" ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$DIR/classpath.txt" -Dmdep.includeScope=test
fi
# the seeder runs on the jar under test (its classes and migrations), plus the test classes
CP="$JAR:target/test-classes:$(cat "$DIR/classpath.txt")"
SQLITE_URL="jdbc:sqlite:$PWD/$DIR/sqlite/data/piagam.db?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE&synchronous=NORMAL"
# REUSE=1: keep the databases seeded by the previous run (a newer jar migrates them at start)
if [ -z "${REUSE:-}" ]; then
  as_postgres dropdb --if-exists "$PG_DB"
  as_postgres createdb -O "$PG_USER" "$PG_DB"
  java -cp "$CP" id.piagam.bench.IssueSeed "$SQLITE_URL" - - 300 1000 | grep '^B' > "$DIR/sqlite/events.txt"
  java -cp "$CP" id.piagam.bench.IssueSeed "$PG_URL" "$PG_USER" "$PG_PASSWORD" 300 1000 | grep '^B' > "$DIR/postgresql/events.txt"
fi

(cd "$DIR/sqlite" && PIAGAM_PORT=$SQLITE_PORT PIAGAM_ADMIN_PASSWORD=bench-admin-secret DATASOURCES_DEFAULT_URL="$SQLITE_URL" \
  exec java ${SERVICE_OPTS:-} -jar "$JAR" > service.log 2>&1) &
SQLITE_PID=$!
(cd "$DIR/postgresql" && PIAGAM_PORT=$PG_PORT PIAGAM_ADMIN_PASSWORD=bench-admin-secret MICRONAUT_ENVIRONMENTS=postgresql \
  PIAGAM_DB_URL="$PG_URL${PG_URL_OPTIONS:-}" PIAGAM_DB_USER=$PG_USER PIAGAM_DB_PASSWORD=$PG_PASSWORD \
  exec java ${SERVICE_OPTS:-} -jar "$JAR" > service.log 2>&1) &
PG_PID=$!
trap 'kill $SQLITE_PID $PG_PID 2>/dev/null || true; wait $SQLITE_PID $PG_PID 2>/dev/null || true' EXIT
for port in $SQLITE_PORT $PG_PORT; do
  for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
done
token() { curl -sf -X POST "http://127.0.0.1:$1/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"bench-admin-secret"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
declare -A PORTS=([sqlite]=$SQLITE_PORT [postgresql]=$PG_PORT) TOKENS=([sqlite]=$(token $SQLITE_PORT) [postgresql]=$(token $PG_PORT))

clear() {
  local sql="DELETE FROM certificate_job_item; DELETE FROM certificate_job; DELETE FROM audit_log; DELETE FROM certificate_pdf;
    DELETE FROM certificate; DELETE FROM number_sequence;"
  if [ "$1" = sqlite ]; then sqlite3 -cmd '.timeout 10000' "$DIR/sqlite/data/piagam.db" "$sql"; else pg -c "$sql" -c "VACUUM ANALYZE certificate, certificate_pdf, certificate_job, certificate_job_item, audit_log, number_sequence"; fi
}

issue() { # engine, certificates (300 or 1000), label; prints the line
  local engine=$1 n=$2 port=${PORTS[$1]} token=${TOKENS[$1]} event job t0 t1 body
  event=$(awk -v c="B$n" '$1 == c {print $2}' "$DIR/$engine/events.txt")
  clear "$engine"
  [ "$engine" = postgresql ] && [ -n "${STATS:-}" ] && as_postgres psql -q -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
  t0=$(date +%s.%N)
  job=$(curl -sf -X POST "http://127.0.0.1:$port/api/events/$event/certificates" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{}' | sed 's/.*"id":\([0-9]*\).*/\1/')
  while body=$(curl -sf "http://127.0.0.1:$port/api/jobs/$job?items=none" -H "Authorization: Bearer $token" | sed 's/,"items".*//'); \
        echo "$body" | grep -q '"status":"RUNNING"'; do sleep 0.05; done
  t1=$(date +%s.%N)
  echo "$body" | grep -q "\"issued\":$n" || { echo "$engine $n: $body" >&2; exit 1; }
  printf '%s %-10s %5d certificates %6.2f s %6.1f /s\n' "$3" "$engine" "$n" "$(echo "$t1 - $t0" | bc)" "$(echo "$n / ($t1 - $t0)" | bc -l)" | tee -a "$OUT"
  if [ "$engine" = postgresql ] && [ -n "${STATS:-}" ]; then
    as_postgres psql -d postgres -c "SELECT calls, round(total_exec_time::numeric, 1) AS ms, round((total_exec_time / calls)::numeric, 3) AS ms_each,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$PG_DB') ORDER BY total_exec_time DESC LIMIT 40" | tee -a "$DIR/statements.txt"
  fi
}

echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), jar $JAR ${SERVICE_OPTS:-}" | tee -a "$OUT"
issue sqlite ${WARMUP:-1000} warm-up >/dev/null; issue postgresql ${WARMUP:-1000} warm-up >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  for n in ${SIZES:-300 1000}; do
    issue sqlite $n "round $round"
    issue postgresql $n "round $round"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
