#!/usr/bin/env bash
# Builds Planbok and runs the whole system on the embedded default (H2 files under ./data):
# Node 2 on Payara Micro, Node 1 (planbok.ear) on Payara Server. Ctrl-C stops both.
#   scripts/run.sh            build, start, print the URLs, wait for Ctrl-C
#   PLANBOK_DB=postgres scripts/run.sh   the same on the local PostgreSQL (databases planbok_node1/2)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo "[planbok] building (mvn install -DskipTests) ..."
mvn -B -q install -DskipTests
echo "[planbok] fetching Payara Server and Payara Micro from Maven Central (cached after the first time) ..."
mvn -B -q -pl src-it dependency:copy@servers-and-applications

export PLANBOK_DIST=$root/src-it/target/dist
export PLANBOK_HOME=$root/target/run
export PLANBOK_DATA=${PLANBOK_DATA:-$root/data}
export PLANBOK_DB=${PLANBOK_DB:-h2}
# The explicit development setting: the console's session cookie without Secure, so that a browser
# keeps it on plain http://localhost. Everything else (the tests, production) gets Secure.
export PLANBOK_CONSOLE_SECURE_COOKIE=${PLANBOK_CONSOLE_SECURE_COOKIE:-false}

stopped=0
sleeper=
stop() {
  [ "$stopped" = 1 ] && return
  stopped=1
  # Ctrl-C reaches the whole process group, so the sleeper is often gone already; under set -e a
  # failed kill here would end the script before it stops the servers.
  if [ -n "$sleeper" ]; then kill "$sleeper" 2>/dev/null || true; fi
  echo
  echo "[planbok] stopping both servers ..."
  "$root/scripts/servers.sh" stop
}
trap stop EXIT
trap 'exit 130' INT TERM

"$root/scripts/servers.sh" start

cat <<TEXT

  Planbok is running (database: $PLANBOK_DB, data in $PLANBOK_DATA)

    API            http://localhost:8080/api/v1/system
    Health         http://localhost:8080/health/ready   (Node 2: http://127.0.0.1:8380/health/ready)
    OpenAPI        http://localhost:8080/openapi
    Console        http://localhost:8080/console/
    Demo wallet    http://localhost:8080/demo/      (client kit: http://localhost:8080/kit/)
    Logs           $PLANBOK_HOME/payara6/glassfish/domains/domain1/logs/server.log
                   $PLANBOK_HOME/logs/node2.log

  Press Ctrl-C to stop both servers.
TEXT
# `wait` returns as soon as a trapped signal arrives, so Ctrl-C stops the servers at once.
while true; do
  sleep 3600 &
  sleeper=$!
  wait "$sleeper"
done
