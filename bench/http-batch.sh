#!/usr/bin/env bash
# Durable HTTP batch throughput (issue 12): a generated N-line CSV (default 100,000) POSTed to /api/v1/batches of the
# packaged service with the shipped decision-log mode (durable: every returned line is in the log), streamed back as
# CSV, ROUNDS times (the first rounds warm the JIT). Prints lines/s per round and the decision-log size afterwards.
# Usage: bench/http-batch.sh [lines] [rounds]     LOG_MODE=off|async|durable (default durable)
#        (needs a packaged app: ./mvnw -B -ntp package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-100000}
ROUNDS=${2:-4}
LOG_MODE=${LOG_MODE:-durable}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
URL=http://127.0.0.1:$PORT
export API_KEY=${API_KEY:-tc_test-checker-key}
DATA=$(mktemp -d)
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }

# The order file: the example order lines repeated with unique references (realistic codes, origins and dates).
mkdir -p target/bench
FILE=target/bench/http-batch-$LINES.csv
if [ ! -f "$FILE" ]; then
  head -1 examples/orders.csv > "$FILE"
  tail -n +2 examples/orders.csv | awk -v n="$LINES" -F, 'BEGIN{OFS=","} {rows[NR]=$0} END{
      for (i = 0; i < n; i++) { r = rows[i % NR + 1]; sub(/^[^,]*/, "BENCH-" i, r); print r } }' >> "$FILE"
fi

java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 -Dtradecheck.data.dir=$DATA \
     -Dtradecheck.decision-log.mode=$LOG_MODE \
     -Dtradecheck.security.users-file=src/test/resources/security/users.properties \
     -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fs -o /dev/null $URL/q/health/ready; do
  kill -0 $pid 2>/dev/null || { echo "service died:"; tail -20 target/bench-service.log; exit 1; }
  sleep 0.2
done
echo "decision log: $LOG_MODE; file: $FILE ($LINES lines, $(du -h "$FILE" | cut -f1))"
for round in $(seq 1 "$ROUNDS"); do
  out=target/bench/http-batch-result.csv
  t0=$(date +%s%N)
  code=$(curl -sS -o "$out" -w '%{http_code}' -H "X-API-Key: $API_KEY" -H 'Content-Type: text/csv' \
         --data-binary @"$FILE" $URL/api/v1/batches)
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  got=$(( $(wc -l < "$out") - 1 ))
  echo "round $round: HTTP $code, $got result lines in $ms ms = $(( LINES * 1000 / (ms > 0 ? ms : 1) )) lines/s"
done
echo "RSS: $(awk '/VmRSS/ {print int($2/1024) " MiB"}' /proc/$pid/status)"
du -sh "$DATA" | sed 's/^/data folder after the run: /'
