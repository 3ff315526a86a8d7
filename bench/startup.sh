#!/usr/bin/env bash
# Start-up to the first answered check (issue 12): the packaged service started ROUNDS times in each of three ways, on
# loopback, with the bundled rules and the test users:
#   first  - a fresh data folder: the whole rule gate runs (compile, every scenario, coverage, record the version)
#   again  - the same data folder again: the pack passed with this build before, so it is compiled but its scenarios
#            are not run again (pack/PassedPacks)
#   cds    - as "again", with the AppCDS archive, when the build made one:
#            ./mvnw -B -ntp package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
# Usage: bench/startup.sh [rounds]   (needs a packaged app: ./mvnw -B -ntp package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
ROOT=$(pwd)
APP=$ROOT/target/quarkus-app
[ -f "$APP/quarkus-run.jar" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

start() { # $1 = data folder, $2.. = extra JVM flags; prints ms to the first 200 on a check
  local data=$1; shift
  local t0; t0=$(date +%s%N)
  # From the app folder: the AppCDS archive records the class path relative to it.
  (cd "$APP" && exec java "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
      -Dtradecheck.rules.dir="$ROOT/rules" -Dtradecheck.rules.watch=false -Dtradecheck.data.dir="$data" \
      -Dtradecheck.security.users-file="$ROOT/src/test/resources/security/users.properties" \
      -Dtradecheck.security.generate-users=false -jar quarkus-run.jar) > "$WORK/service.log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -H 'X-API-Key: tc_test-checker-key' \
        -d @"$ROOT/bench/check-body.json" http://127.0.0.1:$PORT/api/v1/checks 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "service died:" >&2; tail -20 "$WORK/service.log" >&2; exit 1; }
    sleep 0.02
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
  local gate; gate=$(grep -oE 'in force as version [0-9]+, from .* in [0-9]+ ms' "$WORK/service.log" | grep -oE '[0-9]+ ms$' || echo "?")
  echo "$ms ms (rule pack compiled in $gate)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  data=$WORK/data-$round
  echo "round $round  first: $(start "$data")"
  echo "round $round  again: $(start "$data")"
  if [ -f "$APP/app-cds.jsa" ]; then
    echo "round $round  cds:   $(start "$data" -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
