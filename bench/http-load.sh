#!/usr/bin/env bash
# HTTP benchmark on loopback only, bounded in time: start-up, peak throughput and latency of POST /api/v1/checks
# beside the cheapest JSON endpoint of the same server (/q/health/live) and the cheapest authenticated one
# (GET /api/v1/rules), p50/p99 at half of peak, and RSS.
# Usage: bench/http-load.sh [seconds-per-run]   (needs a packaged app: ./mvnw -B -ntp package -DskipTests)
#        LOG_MODE=off|async|durable (default durable, as shipped) sets the decision log mode.
# Installs wrk and hey from Debian's packages if missing (root only).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-15}
LOG_MODE=${LOG_MODE:-durable}
WARMUP=${WARMUP:-30}
PORT=${PORT:-18080}
URL=http://127.0.0.1:$PORT
# Checks need the checker role: the test users file and its API key (the service's own data folder stays untouched).
export API_KEY=${API_KEY:-tc_test-checker-key}
DATA=$(mktemp -d)
for tool in wrk hey; do
  command -v $tool >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q $tool >/dev/null; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }

start=$(date +%s%N)
java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dtradecheck.data.dir=$DATA -Dtradecheck.decision-log.mode=$LOG_MODE \
     -Dtradecheck.security.users-file=src/test/resources/security/users.properties \
     -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$DATA"' EXIT
# Wait for the port with bash's /dev/tcp (a curl process every few ms would steal CPU from the start-up it measures).
until (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "service died:"; tail -20 target/bench-service.log; exit 1; }
  sleep 0.05
done
until curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" -d @bench/check-body.json $URL/api/v1/checks; do
  kill -0 $pid 2>/dev/null || { echo "service died:"; tail -20 target/bench-service.log; exit 1; }
  sleep 0.05
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
rss() { awk '/VmRSS/ {print int($2/1024) " MiB"}' /proc/$pid/status; }
echo "time to first successful check: ${first} ms (JVM launch to 200 OK)"
grep -oE "loaded from .* in [0-9]+ ms" target/bench-service.log | sed 's/^/rule pack /' || true
grep -oE "started in [0-9.]+s" target/bench-service.log | sed 's/^/quarkus /' || true
echo "RSS after start: $(rss)"

echo "decision log: $LOG_MODE"
# The JIT needs its time: after 5 s of load the check ran at a third of its warm rate.
echo; echo "== warm-up (${WARMUP} s of checks, 5 s of health)"
wrk -t2 -c16 -d${WARMUP}s -s bench/post-check.lua $URL/api/v1/checks > /dev/null
wrk -t2 -c16 -d5s $URL/q/health/live > /dev/null

echo; echo "== peak: GET /q/health/live (cheapest JSON endpoint, the HTTP-stack limit)"
limit=$(wrk -t2 -c16 -d${SECS}s --latency $URL/q/health/live | tee /dev/stderr | awk '/Requests\/sec/ {print int($2)}')
echo; echo "== peak: POST /api/v1/checks"
peak=$(wrk -t2 -c16 -d${SECS}s --latency -s bench/post-check.lua $URL/api/v1/checks | tee /dev/stderr | awk '/Requests\/sec/ {print int($2)}')
echo "RSS under load: $(rss)"
echo; echo "== peak: GET /api/v1/rules (cheapest authenticated JSON endpoint: API key, REST stack, 7 KB answer, no rules run)"
authed=$(wrk -t2 -c16 -d${SECS}s --latency -H "X-API-Key: $API_KEY" $URL/api/v1/rules | tee /dev/stderr | awk '/Requests\/sec/ {print int($2)}')
echo; echo "checks/s ${peak} vs limit ${limit} req/s: $(( 100 * peak / limit ))% of the HTTP-stack limit"
echo "checks/s ${peak} vs ${authed} req/s for the cheapest authenticated endpoint: $(( 100 * peak / authed ))%"

half=$(( peak / 2 ))
workers=8
echo; echo "== POST /api/v1/checks at half of peak (${half} req/s, hey, ${workers} workers)"
hey -z ${SECS}s -c $workers -q $(( half / workers )) -m POST -T application/json -H "X-API-Key: $API_KEY" -D bench/check-body.json \
    $URL/api/v1/checks | grep -E "Requests/sec|Average|50%|90%|99%|\[200\]|Error" || true
