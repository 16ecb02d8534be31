#!/usr/bin/env bash
# Makes the class-data sharing archive for `java -jar` (README, *Run*; docs/startup.md): starts the
# jar once with -XX:ArchiveClassesAtExit, waits until GET /health answers, asks for the sign-in page
# too (so the classes of the first requests are in the archive, not only those of the start), and
# stops it with SIGTERM, at which the JVM writes the archive. Run it from the folder you start the
# service in (it uses that folder's ./data and settings, like a normal start) while the service is
# not running there, and again after each new jar.
#
#   src/main/sh/cds-archive.sh [jar, default target/piagam-0.1.0-SNAPSHOT.jar] [archive, default piagam.jsa]
#
# Then: java -XX:SharedArchiveFile=piagam.jsa -jar target/piagam-0.1.0-SNAPSHOT.jar
# Give the jar by the same path in both commands: the JVM checks it against the archive. The port is
# PIAGAM_PORT (8080); other settings (PIAGAM_*) apply as to any start. Needs curl.
set -euo pipefail
JAR=${1:-target/piagam-0.1.0-SNAPSHOT.jar}
ARCHIVE=${2:-piagam.jsa}
PORT=${PIAGAM_PORT:-8080}
LOG=${ARCHIVE%.jsa}-archive.log
[ -f "$JAR" ] || { echo "no jar at $JAR (mvn -B package -DskipTests)" >&2; exit 1; }
java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" > "$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
  kill -0 $pid 2>/dev/null || { echo "the service stopped; see $LOG" >&2; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/masuk"
curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"
kill -TERM $pid
wait $pid || true
trap - EXIT
[ -s "$ARCHIVE" ] || { echo "no archive written; see $LOG" >&2; exit 1; }
echo "$ARCHIVE written ($(du -h "$ARCHIVE" | cut -f1)); start with: java -XX:SharedArchiveFile=$ARCHIVE -jar $JAR"
