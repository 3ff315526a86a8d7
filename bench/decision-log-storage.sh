#!/usr/bin/env bash
# Bytes on disk per logged decision (issue 12): N decisions through the service's own writer into a fresh H2 file and,
# when a PostgreSQL is at hand (TRADECHECK_TEST_PG_URL, as .ci/postgres.sh exports it), a fresh PostgreSQL schema;
# the database is closed and reopened (timed) and its size divided by N; a sample is read back with full answers.
# Usage: bench/decision-log-storage.sh [decisions]   (default 1000000)
#   With PostgreSQL:  source .ci/postgres.sh && pg_start && bench/decision-log-storage.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q -Pbench exec:exec@bench -Dbench.main=io.tradecheck.bench.DecisionLogStorage -Dbench.args="h2 $N" 2>&1 | grep -v '^\s*at \|WARN'
if [ -n "${TRADECHECK_TEST_PG_URL:-}" ]; then
  ./mvnw -B -ntp -q -Pbench exec:exec@bench -Dbench.main=io.tradecheck.bench.DecisionLogStorage -Dbench.args="postgresql $N" 2>&1 | grep -v '^\s*at \|WARN'
else
  echo "PostgreSQL skipped: no TRADECHECK_TEST_PG_URL (source .ci/postgres.sh && pg_start)"
fi
