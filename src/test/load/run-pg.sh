#!/usr/bin/env bash
# The load benchmark on PostgreSQL (issue #16; run.sh is the SQLite one): generates the data set once into
# its own database (LoadData, SCALE of the provincial set, default 1), starts INSTANCES services (1 or 2,
# same database, each in a 256 MB heap), then runs wrk against the public verification and a participant's
# records: each endpoint alone, then both while a bulk issue of 2,000 certificates runs on the first instance.
# With two instances each wrk's connections are split between them (one wrk per instance) and the rates add up.
#   src/test/load/run-pg.sh [seconds per run, default 30] [rounds, 1-3, default 3]
#   INSTANCES=2 src/test/load/run-pg.sh;  SCALE=0.2 (a fifth of the set);  PG_DB=piagam_load (re-created as the
#   postgres user when target/load/postgresql/loaded is missing: run as root or postgres; drop it when done)
# Needs wrk. Results: target/load/postgresql/results.txt
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN=${1:-30}
ROUNDS=${2:-3}
INSTANCES=${INSTANCES:-1}
PORTS=(${PORT_A:-18472} ${PORT_B:-18473})
VERIFY_CONNECTIONS=${VERIFY_CONNECTIONS:-16}
RECORDS_CONNECTIONS=${RECORDS_CONNECTIONS:-32}
PG_DB=${PG_DB:-piagam_load}
PG_USER=${PG_USER:-piagam}
PG_PASSWORD=${PG_PASSWORD:-piagam}
PG_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
export LOAD_DIR=target/load/postgresql
OUT=$LOAD_DIR/results.txt
mkdir -p "$LOAD_DIR"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }
pg() { PGPASSWORD=$PG_PASSWORD psql -q -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 "$@"; }

if [ -z "${CP:-}" ]; then # CP given: run those classes (e.g. a packaged jar and the test classes) without building
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/load/classpath.txt -Dmdep.includeScope=test
  CP="target/classes:target/test-classes:$(cat target/load/classpath.txt)"
fi
if [ ! -f "$LOAD_DIR/loaded" ]; then
  as_postgres dropdb --if-exists "$PG_DB"
  as_postgres createdb -O "$PG_USER" "$PG_DB"
  java -Xmx1g -Ddb.user="$PG_USER" -Ddb.password="$PG_PASSWORD" -cp "$CP" id.piagam.bench.LoadData "$PG_URL" "${SCALE:-1}" "$LOAD_DIR" \
    | tee "$LOAD_DIR/loaded.log"
  echo "scale ${SCALE:-1}" > "$LOAD_DIR/loaded"
fi
BULK=($(cat "$LOAD_DIR/bulk-events.txt"))
# every run starts with the bulk events not issued; as the postgres user with the foreign-key triggers off for the
# deletion: certificate.supersedes_id / superseded_by_id have no index (the service never deletes a certificate), so
# checking them scans the whole table once per deleted row, which stalled this step for minutes after a run's rounds
# had issued thousands
as_postgres psql -q -d "$PG_DB" -v ON_ERROR_STOP=1 -c "SET session_replication_role = replica" -c "DELETE FROM certificate_job_item; DELETE FROM certificate_job;
  DELETE FROM audit_log WHERE event_id IN (${BULK[0]}, ${BULK[1]}, ${BULK[2]});
  DELETE FROM certificate_pdf WHERE certificate_id IN (SELECT id FROM certificate WHERE event_id IN (${BULK[0]}, ${BULK[1]}, ${BULK[2]}));
  DELETE FROM certificate WHERE event_id IN (${BULK[0]}, ${BULK[1]}, ${BULK[2]});" -c "VACUUM ANALYZE certificate, certificate_pdf, certificate_job, certificate_job_item, audit_log"

PIDS=()
# on exit the services are stopped and waited for: a service still stopping must not see the next run's clean-up
trap 'kill ${PIDS[*]} 2>/dev/null || true; wait ${PIDS[*]} 2>/dev/null || true' EXIT
for i in $(seq 0 $((INSTANCES - 1))); do
  # the public endpoint is rate-limited per client; wrk is one client standing for thousands, so the limit is lifted here
  MICRONAUT_ENVIRONMENTS=postgresql PIAGAM_DB_URL="$PG_URL" PIAGAM_DB_USER=$PG_USER PIAGAM_DB_PASSWORD=$PG_PASSWORD \
  PIAGAM_JWT_SECRET=load-benchmark-secret-of-at-least-32-characters \
  java -Xmx256m -Xms256m ${SERVICE_OPTS:-} -cp "$CP" -Dmicronaut.server.port=${PORTS[$i]} \
    -Dpiagam.admin-password=load-admin-secret -Dpiagam.verify.burst=100000000 -Dpiagam.verify.per-second=100000000 \
    id.piagam.Application > "$LOAD_DIR/service-$i.log" 2>&1 &
  PIDS+=($!)
done
for i in $(seq 0 $((INSTANCES - 1))); do
  for t in $(seq 1 180); do curl -sf "http://127.0.0.1:${PORTS[$i]}/health" >/dev/null && break; sleep 1; done
done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:${PORTS[0]}/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"load-admin-secret"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# one wrk per instance, connections split; prints each instance's RESULT line
both() { # script connections seconds
  local n=$(( $2 / INSTANCES )) extra=() runs=()
  [ "$1" = records ] && extra=(-H "Authorization: Bearer $TOKEN")
  for i in $(seq 0 $((INSTANCES - 1))); do
    wrk -t1 -c$n -d${3}s -s src/test/load/$1.lua "${extra[@]}" "http://127.0.0.1:${PORTS[$i]}" | grep RESULT | sed "s/^RESULT/RESULT instance=$((i + 1))/" &
    runs+=($!)
  done
  wait "${runs[@]}" # only the wrk runs: the services are children of this shell too
}

echo "$(date -u +%FT%TZ) data: $(cat $LOAD_DIR/loaded), database $(pg -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))");" \
  "$INSTANCES instance(s), heap -Xmx256m each; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
both verify 8 10 >/dev/null
both records 8 10 >/dev/null
echo "alone" | tee -a "$OUT"
both verify $VERIFY_CONNECTIONS $SECONDS_PER_RUN | tee -a "$OUT"
both records $RECORDS_CONNECTIONS $SECONDS_PER_RUN | tee -a "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  JOB=$(curl -sf -X POST "http://127.0.0.1:${PORTS[0]}/api/events/${BULK[$((round - 1))]}/certificates" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{}' | sed 's/.*"id":\([0-9]*\).*/\1/')
  echo "round $round (bulk issue job $JOB running on instance 1)" | tee -a "$OUT"
  both verify $VERIFY_CONNECTIONS $SECONDS_PER_RUN | tee -a "$OUT" &
  W1=$!
  both records $RECORDS_CONNECTIONS $SECONDS_PER_RUN | tee -a "$OUT" &
  W2=$!
  wait $W1 $W2
  curl -sf "http://127.0.0.1:${PORTS[0]}/api/jobs/$JOB" -H "Authorization: Bearer $TOKEN" | sed 's/,"items".*//' | tee -a "$OUT"; echo | tee -a "$OUT"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
