#!/usr/bin/env bash
# What the decision log costs on pre-check throughput: the packaged service is started once per mode (off, async,
# durable) on a fresh data folder, warmed up, then loaded with wrk on loopback for a bounded time.
# Usage: bench/decision-log.sh [seconds-per-run] [connections]  (needs: ./mvnw -B -ntp package -DskipTests; wrk)
# Extra JVM or config flags for every run: JAVA_OPTS (e.g. -Dquarkus.profile=pg for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONNS=${2:-16}
PORT=${PORT:-18090}
URL=http://127.0.0.1:$PORT
export API_KEY=tc_test-checker-key
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

for mode in off async durable; do
  data=$(mktemp -d)
  java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dtradecheck.data.dir=$data -Dtradecheck.decision-log.mode=$mode \
       -Dtradecheck.security.users-file=src/test/resources/security/users.properties \
       -jar target/quarkus-app/quarkus-run.jar > $data/service.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null $URL/q/health/ready; do
    kill -0 $pid 2>/dev/null || { echo "service died:"; tail -20 $data/service.log; exit 1; }
    sleep 0.2
  done
  wrk -t2 -c$CONNS -d${WARMUP:-30}s -s bench/post-check.lua $URL/api/v1/checks > /dev/null   # warm-up (JIT)
  result=$(wrk -t2 -c$CONNS -d${SECS}s --latency -s bench/post-check.lua $URL/api/v1/checks)
  kill $pid; wait $pid 2>/dev/null || true
  rps=$(echo "$result" | awk '/Requests\/sec/ {print int($2)}')
  p50=$(echo "$result" | awk '$1=="50%" {print $2}')
  p99=$(echo "$result" | awk '$1=="99%" {print $2}')
  groups=$(grep -oE "drained: [0-9]+ decisions in [0-9]+ commits" $data/service.log || echo "-")
  printf "%-8s %8s checks/s   p50 %-9s p99 %-9s %s\n" "$mode" "$rps" "$p50" "$p99" "$groups"
  rm -rf "$data"
done
