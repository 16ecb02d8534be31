#!/usr/bin/env bash
# Starts the packaged service the way the README's *Run* does for real use: `java -jar` with the
# class-data sharing archive made by cds-archive.sh (on the first start, and again whenever the jar
# is newer than the archive: a new build), plus any JVM options in JAVA_OPTS (e.g. JAVA_OPTS=-Xmx1g). Run it from the folder the service keeps
# its ./data in; settings are the usual PIAGAM_* variables (PIAGAM_PORT, PIAGAM_BASE_URL, ...).
#
#   src/main/sh/start.sh [jar, default target/piagam-0.1.0-SNAPSHOT.jar]
#
# The archive is piagam.jsa in the current folder (PIAGAM_CDS_ARCHIVE to put it elsewhere). If it
# cannot be made (the port is taken, say), the service starts without it, only slower.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${1:-target/piagam-0.1.0-SNAPSHOT.jar}
ARCHIVE=${PIAGAM_CDS_ARCHIVE:-piagam.jsa}
[ -f "$JAR" ] || { echo "no jar at $JAR (mvn -B package -DskipTests)" >&2; exit 1; }

SHARE=()
if [ ! -s "$ARCHIVE" ] || [ "$JAR" -nt "$ARCHIVE" ]; then
  echo "making the start-up archive $ARCHIVE (once per jar; the service starts and stops once)" >&2
  if ! "$HERE/cds-archive.sh" "$JAR" "$ARCHIVE" >&2; then
    echo "no start-up archive; starting without it" >&2
    rm -f "$ARCHIVE"
  fi
fi
[ -s "$ARCHIVE" ] && SHARE=(-XX:SharedArchiveFile="$ARCHIVE")
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java "${SHARE[@]}" ${JAVA_OPTS:-} -jar "$JAR"
