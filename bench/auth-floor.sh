#!/usr/bin/env bash
# The authentication floor (issue 12): the cheapest authenticated route beside /q/health/live on the same server, on
# loopback, bounded in time. Also what wrong passwords cost: a flood of failed Basic sign-ins from one address beside
# the health check (lockout and bounded hashing keep it cheap).
# Usage: bench/auth-floor.sh [seconds-per-run]   (needs a packaged app: ./mvnw -B -ntp package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
URL=http://127.0.0.1:$PORT
KEY=tc_test-checker-key
BASIC=$(printf 'test-auditor:auditor-secret' | base64)
DATA=$(mktemp -d)
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dtradecheck.data.dir=$DATA -Dtradecheck.decision-log.mode=off \
     -Dtradecheck.security.users-file=src/test/resources/security/users.properties \
     -jar target/quarkus-app/quarkus-run.jar > target/bench-auth.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fs -o /dev/null -H "X-API-Key: $KEY" $URL/api/v1/rules; do
  kill -0 $pid 2>/dev/null || { echo "service died:"; tail -20 target/bench-auth.log; exit 1; }
  sleep 0.2
done
rate() { wrk -t2 -c16 -d${SECS}s "$@" | awk '/Requests\/sec/ {print int($2)}'; }
echo "== warm-up"
wrk -t2 -c16 -d${SECS}s $URL/q/health/live >/dev/null
wrk -t2 -c16 -d${SECS}s -H "X-API-Key: $KEY" $URL/api/v1/rules >/dev/null
wrk -t2 -c16 -d${SECS}s -H "Authorization: Basic $BASIC" $URL/api/v1/rules >/dev/null
health=$(rate $URL/q/health/live)
key=$(rate -H "X-API-Key: $KEY" $URL/api/v1/rules)
basic=$(rate -H "Authorization: Basic $BASIC" $URL/api/v1/rules)
health2=$(rate $URL/q/health/live)
limit=$(( (health + health2) / 2 ))
echo "GET /q/health/live:                   ${health} / ${health2} req/s (mean ${limit})"
echo "GET /api/v1/rules, X-API-Key:         ${key} req/s = $(( 100 * key / limit ))% of health"
echo "GET /api/v1/rules, Basic (cached):    ${basic} req/s = $(( 100 * basic / limit ))% of health"
# Wrong passwords from one address: after the lockout each costs no hash (429); the health check beside it.
WRONG=$(printf 'test-checker:wrong-password' | base64)
wrk -t1 -c16 -d${SECS}s -H "Authorization: Basic $WRONG" $URL/api/v1/rules > target/bench-auth-wrong.txt &
flood=$!
sleep 1
during=$(wrk -t1 -c4 -d$(( SECS - 2 ))s --latency $URL/q/health/live | tee target/bench-auth-health.txt | awk '/Requests\/sec/ {print int($2)}')
wait $flood
echo "wrong-password flood (16 connections): $(awk '/Requests\/sec/ {print int($2)}' target/bench-auth-wrong.txt) req/s answered" \
     "(non-2xx: $(awk '/Non-2xx/ {print $5}' target/bench-auth-wrong.txt)); health beside it ${during} req/s," \
     "p99 $(awk '/ 99%/ {print $2}' target/bench-auth-health.txt)"
echo "sign-in log lines: $(grep -c 'Sign-in' target/bench-auth.log)"
