#!/usr/bin/env bash
# Start-up benchmark (issue #12 point 11): starts the service again and again on an existing
# database and measures each start three ways: Micronaut's own "Startup completed in" figure, the
# wall time from launching java until GET /health answers, and the CPU time (user + system, all
# threads) the JVM had used by then, which a busy machine distorts much less than wall time.
# Variants run in alternation (A B A B ...) so that a change in the machine's load hits all alike.
#
#   src/test/startup/run.sh [runs per variant, default 5] [variant ...]
#
# A variant is name=launch: what comes after "java" (its classpath or -jar, JVM options); the main
# class and the settings for port and database are added. A launch may begin with jvm=/path/to/java
# to start that JVM instead of the java on the PATH (e.g. a JDK 25 with its AOT cache). Without variants, the current build as
# the README's run command (mvn compile exec:exec) starts it:
#   current=-XX:TieredStopAtLevel=1 -cp target/classes:<runtime classpath> id.piagam.Application
# Examples (docs/startup.md):
#   src/test/startup/run.sh 7 "jar=-jar target/piagam-0.1.0-SNAPSHOT.jar" \
#       "jar-cds=-XX:SharedArchiveFile=target/startup/piagam.jsa -jar target/piagam-0.1.0-SNAPSHOT.jar"
# Needs a compiled project (mvn -B compile, or package for -jar) and curl. Uses port PORT (18370)
# and data under target/startup/. Results: target/startup/results.txt (every run, then the medians).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-5}
shift || true
PORT=${PORT:-18370}
OUT=target/startup
mkdir -p "$OUT"
if [ ! -f "$OUT/classpath.txt" ] || [ pom.xml -nt "$OUT/classpath.txt" ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime >/dev/null
fi
VARIANTS=("$@")
if [ ${#VARIANTS[@]} -eq 0 ]; then
  VARIANTS=("current=-XX:TieredStopAtLevel=1 -cp target/classes:$(cat "$OUT/classpath.txt")")
fi
DB="$OUT/piagam.db"
URL="jdbc:sqlite:$DB?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE&synchronous=NORMAL"
CLK=$(getconf CLK_TCK)

# one start: echoes "micronaut_ms health_ms cpu_ms"
start() {
  local launch=$1 log=$2 t0 t1 pid cpu mn jvm=java
  if [[ "$launch" == jvm=* ]]; then
    jvm=${launch%% *}; jvm=${jvm#jvm=}; launch=${launch#* }
  fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the launch string is word-split on purpose
  if [[ "$launch" == *"-jar "* ]]; then
    "$jvm" ${launch%%-jar *} -Dmicronaut.server.port=$PORT -Ddatasources.default.url="$URL" \
      -Dpiagam.admin-password=startup-admin-secret -Dpiagam.demo=true -jar ${launch#*-jar } > "$log" 2>&1 &
  else
    "$jvm" $launch -Dmicronaut.server.port=$PORT -Ddatasources.default.url="$URL" \
      -Dpiagam.admin-password=startup-admin-secret -Dpiagam.demo=true id.piagam.Application > "$log" 2>&1 &
  fi
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { echo "the service stopped; see $log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  cpu=$(awk -v c="$CLK" '{print int(($14 + $15) * 1000 / c)}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  mn=$(grep -o 'Startup completed in [0-9]*ms' "$log" | grep -o '[0-9]*' || echo 0)
  echo "$mn $(( (t1 - t0) / 1000000 )) $cpu"
}

# the first start creates the database (migrations, admin, demo data); every measured start finds it
if [ ! -f "$DB" ]; then
  echo "creating $DB" >&2
  start "-cp target/classes:$(cat "$OUT/classpath.txt")" "$OUT/create.log" >/dev/null
fi

{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "# variant run micronaut_ms health_ms cpu_ms"
} | tee "$OUT/results.txt"
for run in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    name=${v%%=*}
    echo "$name $run $(start "${v#*=}" "$OUT/$name.log")" | tee -a "$OUT/results.txt"
  done
done
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"
echo "# medians: variant micronaut_ms health_ms cpu_ms" | tee -a "$OUT/results.txt"
for v in "${VARIANTS[@]}"; do
  name=${v%%=*}
  awk -v n="$name" '$1 == n' "$OUT/results.txt" | awk -v n="$name" '
    { m[NR] = $3; h[NR] = $4; c[NR] = $5 }
    function median(a, k,   i, j, t) {
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END { printf "median %s %d %d %d\n", n, median(m, NR), median(h, NR), median(c, NR) }'
done | tee -a "$OUT/results.txt"
