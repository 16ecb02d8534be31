#!/usr/bin/env bash
# CPU per records request (issue #14 point 3): the service's own CPU time (utime + stime of /proc/<pid>/stat)
# divided by the records requests wrk completed, "records alone" on the data set of run.sh. On a shared, loaded
# machine the rate and the latency say little; the CPU a request costs the service does not depend on who else
# runs. Two builds can be compared in one go: each gets its own service (both on the same copy of the data, the
# records only read), and their runs alternate A, B, A, B… so that both see the same background.
#   src/test/load/records-cpu.sh [seconds per run, default 20] [runs per build, default 3]
#   CP_B=target/s10/before-classes:... src/test/load/records-cpu.sh   # A = this build (or CP_A), B = another
#   COMPARE=500: with two builds, first check that both answer the first 500 participants' records byte for byte
#   PORT_A=18601 PORT_B=18602 CONNECTIONS=32 WARMUP=30 (seconds of records per service before the measured runs) SERVICE_OPTS=... JFR=1 (a profile of A's measured runs: target/load/records-a.jfr)
# Needs wrk and the data set of run.sh (target/load/piagam-load.db; run.sh generates it). Results: target/load/records-cpu.txt
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN=${1:-20}
RUNS=${2:-3}
CONNECTIONS=${CONNECTIONS:-32}
DB=target/load/piagam-load.db
OUT=target/load/records-cpu.txt
[ -f "$DB" ] || { echo "no $DB: run src/test/load/run.sh once to generate it" >&2; exit 1; }

if [ -z "${CP_A:-}" ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/load/classpath.txt -Dmdep.includeScope=test
  CP_A="target/classes:target/test-classes:$(cat target/load/classpath.txt)"
fi
cp "$DB" target/load/records.db
rm -f target/load/records.db-wal target/load/records.db-shm

NAMES=(A)
CPS=("$CP_A")
PORTS=(${PORT_A:-18601})
if [ -n "${CP_B:-}" ]; then NAMES+=(B); CPS+=("$CP_B"); PORTS+=(${PORT_B:-18602}); fi
PIDS=()
trap 'kill ${PIDS[*]} 2>/dev/null || true; wait ${PIDS[*]} 2>/dev/null || true' EXIT
for i in "${!NAMES[@]}"; do
  java -Xmx256m -Xms256m ${SERVICE_OPTS:-} -cp "${CPS[$i]}" -Dmicronaut.server.port=${PORTS[$i]} \
    -Ddatasources.default.url="jdbc:sqlite:target/load/records.db?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE&synchronous=NORMAL" \
    -Dpiagam.admin-password=load-admin-secret -Dpiagam.base-url=https://sertifikat.example.go.id id.piagam.Application > "target/load/records-${NAMES[$i]}.log" 2>&1 &
  PIDS+=($!)
done
TOKENS=()
for i in "${!NAMES[@]}"; do
  for t in $(seq 1 180); do curl -sf "http://127.0.0.1:${PORTS[$i]}/health" >/dev/null && break; sleep 1; done
  TOKENS+=("$(curl -sf -X POST "http://127.0.0.1:${PORTS[$i]}/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"load-admin-secret"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')")
done

: > "$OUT"
if [ -n "${COMPARE:-}" ] && [ -n "${CP_B:-}" ]; then
  differ=0
  for id in $(head -n "$COMPARE" target/load/participants.txt); do
    a=$(curl -sf "http://127.0.0.1:${PORTS[0]}/api/participants/$id/records" -H "Authorization: Bearer ${TOKENS[0]}" || true)
    b=$(curl -sf "http://127.0.0.1:${PORTS[1]}/api/participants/$id/records" -H "Authorization: Bearer ${TOKENS[1]}" || true)
    [ "$a" = "$b" ] && [[ "$a" == *'"participantId"'* ]] || { differ=$((differ + 1)); echo "participant $id: the two builds answer differently" >&2; }
  done
  echo "compared the records of $COMPARE participants: $differ differ" | tee -a "$OUT"
  [ "$differ" = 0 ] || exit 1
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
records() { # name index seconds: one wrk run; prints requests, CPU ms per request, rate and latency
  local before after requests line
  before=$(cpu_ticks "${PIDS[$2]}")
  line=$(wrk -t1 -c"$CONNECTIONS" -d"$3"s -s src/test/load/records.lua -H "Authorization: Bearer ${TOKENS[$2]}" \
    "http://127.0.0.1:${PORTS[$2]}" | grep RESULT)
  after=$(cpu_ticks "${PIDS[$2]}")
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  echo "$1 cpu_ms_per_request=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "%.2f", t * 1000 / hz / n}') load=$(cut -d' ' -f1 /proc/loadavg) ${line#RESULT records }"
}

echo "$(date -u +%FT%TZ) records alone, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, $(nproc) cores" | tee -a "$OUT"
for i in "${!NAMES[@]}"; do records "warm-up-${NAMES[$i]}" "$i" "${WARMUP:-30}" >/dev/null; done
[ -z "${JFR:-}" ] || jcmd "${PIDS[0]}" JFR.start name=records settings=profile >/dev/null
for run in $(seq 1 "$RUNS"); do
  for i in "${!NAMES[@]}"; do records "${NAMES[$i]}" "$i" "$SECONDS_PER_RUN" | tee -a "$OUT"; done
done
[ -z "${JFR:-}" ] || jcmd "${PIDS[0]}" JFR.stop name=records filename="$PWD/target/load/records-a.jfr" >/dev/null
