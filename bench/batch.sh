#!/usr/bin/env bash
# Batch throughput and memory benchmark: CSV in, CSV out, with the full rule pack and with no rules (the practical
# limit of reading and writing the same CSV), in one JVM run, with a fixed heap to show memory stays flat.
#
#   bench/batch.sh                    # 100k and 1M generated lines, 2 rounds each, -Xmx256m
#   ROUNDS=3 XMX=128m bench/batch.sh 100000 1000000
#
# Generated files are kept in target/bench (about 80 MiB for 1M lines). Other work on the machine skews the
# figures: run it more than once and report the best and the spread.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xms"${XMX:-256m}" -Xmx"${XMX:-256m}" -XX:+UseG1GC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Drounds="${ROUNDS:-2}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.tradecheck.batch.BatchThroughputBenchmark "$@"
