#!/usr/bin/env bash
# The load benchmark (issue #5): generates the data set once (LoadData), starts the service in a
# 256 MB heap on it, starts a bulk issue of 2,000 certificates, and meanwhile runs wrk against the
# public verification (16 connections) and a participant's records (32 connections), on loopback.
#   src/test/load/run.sh [seconds per run, default 30] [rounds, 1-3, default 3]
#   SOAK=600 src/test/load/run.sh     # one 10-minute run, heap and file handles sampled every 30 s
#   SERVICE_OPTS=-Dpiagam.records.max-concurrent=2 src/test/load/run.sh   # service settings for the run
#   CP=... src/test/load/run.sh      # run those classes without building (e.g. a saved build, to alternate two)
# Needs wrk (apt-get install -y wrk). Results: target/load/results.txt
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN=${1:-30}
ROUNDS=${2:-3}
PORT=${PORT:-8090}
# records at 32 connections as the target says; verification's target is a rate (2,000/s), which 16 connections exceed
VERIFY_CONNECTIONS=${VERIFY_CONNECTIONS:-16}
DB=target/load/piagam-load.db
OUT=target/load/results.txt
mkdir -p target/load

if [ -z "${CP:-}" ]; then # CP given: run those classes (e.g. a saved build, to alternate two builds) without building
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/load/classpath.txt -Dmdep.includeScope=test
  CP="target/classes:target/test-classes:$(cat target/load/classpath.txt)"
fi
if [ ! -f "$DB" ]; then
  java -Xmx1g -cp "$CP" id.piagam.bench.LoadData "$DB"
fi
# each round starts from the generated data: work on a copy
cp "$DB" target/load/run.db
rm -f target/load/run.db-wal target/load/run.db-shm

# the public endpoint is rate-limited per client; wrk is one client standing for thousands, so the limit is lifted here
java -Xmx256m -Xms256m ${SERVICE_OPTS:-} -cp "$CP" -Dmicronaut.server.port=$PORT \
  -Ddatasources.default.url="jdbc:sqlite:target/load/run.db?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE&synchronous=NORMAL" \
  -Dpiagam.admin-password=load-admin-secret -Dpiagam.verify.burst=100000000 -Dpiagam.verify.per-second=100000000 \
  id.piagam.Application > target/load/service.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"load-admin-secret"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
BULK=($(cat target/load/bulk-events.txt))

sample() { # the old generation right after a full GC (the live set), the whole heap, and open file handles
  local old heap fds
  jcmd $PID GC.run >/dev/null 2>&1 || true
  old=$(jstat -gc $PID | tail -1 | awk '{printf "%.0fK", $8}')
  heap=$(jcmd $PID GC.heap_info 2>/dev/null | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  fds=$(ls /proc/$PID/fd | wc -l)
  echo "sample t=$1s old_gen_after_gc=$old heap_used=${heap} fds=$fds"
}

verify() { # verification by code: connections, seconds
  wrk -t1 -c"$1" -d"$2"s -s src/test/load/verify.lua "http://127.0.0.1:$PORT" | grep RESULT | tee -a "$OUT"
}
records() { # a participant's records at 32 connections: seconds
  wrk -t1 -c32 -d"$1"s -s src/test/load/records.lua -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT" | grep RESULT | tee -a "$OUT"
}
both() { # the two at once, one run each; waits for those two only (not for the service)
  local w1 w2
  verify "$VERIFY_CONNECTIONS" "$SECONDS_PER_RUN" &
  w1=$!
  records "$SECONDS_PER_RUN" &
  w2=$!
  wait $w1 $w2
}

: > "$OUT"
echo "data: $(ls -la $DB | awk '{print $5}') bytes; service heap -Xmx256m; $(nproc) cores" | tee -a "$OUT"
# warm-up
wrk -t1 -c8 -d10s -s src/test/load/verify.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t1 -c8 -d10s -s src/test/load/records.lua -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT" >/dev/null

if [ -n "${SOAK:-}" ]; then
  sample 0 | tee -a "$OUT"
  verify 32 "$SOAK" &
  W1=$!
  records "$SOAK" &
  W2=$!
  for t in $(seq 30 30 "$SOAK"); do sleep 30; sample "$t" | tee -a "$OUT"; done
  wait $W1 $W2
  exit 0
fi

# each endpoint alone, nothing else running: the ceiling
echo "alone" | tee -a "$OUT"
verify "$VERIFY_CONNECTIONS" "$SECONDS_PER_RUN"
records "$SECONDS_PER_RUN"

# both at once with no bulk issue: what the two endpoints leave each other on these cores (and wrk's share of them)
echo "both, no bulk issue" | tee -a "$OUT"
both

# both at once while a bulk issue of 2,000 certificates runs (a fresh event each round)
for round in $(seq 1 "$ROUNDS"); do
  JOB=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/events/${BULK[$((round - 1))]}/certificates" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{}' | sed 's/.*"id":\([0-9]*\).*/\1/')
  echo "round $round (bulk issue job $JOB running)" | tee -a "$OUT"
  both
  curl -sf "http://127.0.0.1:$PORT/api/jobs/$JOB" -H "Authorization: Bearer $TOKEN" | sed 's/,"items".*//' | tee -a "$OUT"; echo | tee -a "$OUT"
done
sample end | tee -a "$OUT"
