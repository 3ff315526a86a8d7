#!/usr/bin/env bash
# Order-line stream throughput with 1, 2 and 3 consumers in one consumer group (threads of one JVM), against a real
# Kafka broker (KRaft, started in the same JVM from the kafka_2.13 jar of Maven Central, on free loopback ports).
# Prints lines/s, the CPU used and its split (consumers / Kafka client threads / broker), and the load average.
#
#   bench/kafka.sh              # 200,000 generated lines, 2 rounds of 1, 2, 3 consumers
#   ROUNDS=3 POLL=2000 bench/kafka.sh 500000    # POLL: max.poll.records, the lines a consumer commits at once
#
# The broker shares the machine's cores with the consumers, as it would on a one-node test set-up; other work on the
# machine skews the figures: note the load average printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xms1g -Xmx1g -XX:+UseG1GC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Drounds="${ROUNDS:-2}" -Dpoll="${POLL:-500}" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.tradecheck.stream.StreamScalingBenchmark "$@"
