package io.tradecheck.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecheck.batch.LineChecker;
import io.tradecheck.batch.NdjsonOrderReader;
import io.tradecheck.batch.ShipmentSamples;
import io.tradecheck.cli.TradecheckCommand;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Order-line stream throughput with 1, 2 and 3 consumers of one group (threads of this JVM), against a real KRaft
 * broker in the same JVM (not a unit test; run {@code bench/kafka.sh}). Prints lines per second and where the CPU
 * went, by thread family: the consumers (parse, validate, check, serialize), the Kafka clients' network threads and
 * the broker. Also the same lines through the engine alone on one thread (parse + validate + check, no Kafka): the
 * ceiling a consumer could reach if Kafka cost nothing.
 *
 * <pre>bench/kafka.sh [lines] (default 200000); ROUNDS=2, POLL=500 (max.poll.records, lines per commit)</pre>
 */
public final class StreamScalingBenchmark {
    private static final int PARTITIONS = 6;

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = Integer.getInteger("rounds", 2);
        TradecheckCommand.quietLibraries();
        ShipmentChecker checker = new ShipmentChecker(new ActiveRuleSet(new RulePackCompiler().compile(
                RulePackSource.fromDirectory(Path.of(System.getProperty("rules", "rules"))))),
                ZoneId.of("America/New_York"));
        Validator validator = RequestValidation.validator();
        ObjectMapper json = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();
        List<byte[]> values = new ArrayList<>(lines);
        for (CheckRequest request : ShipmentSamples.generate(new Random(42), lines)) {
            values.add(json.writeValueAsBytes(request));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%,d lines, %d partitions, %s lines per poll, %d cores, load average %.2f at start%n", lines,
                PARTITIONS, System.getProperty("poll", "500"), os.getAvailableProcessors(), os.getSystemLoadAverage());

        for (int pass = 1; pass <= 2; pass++) {
            long t0 = System.nanoTime();
            LineChecker check = new LineChecker(checker, validator, checker.rules().current(), null);
            long n = 0;
            for (byte[] v : values) {
                n += check.apply(NdjsonOrderReader.parse(n, new String(v, StandardCharsets.UTF_8))).line() >= 0 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("engine alone, 1 thread, pass %d: %,.0f lines/s%n", pass, n / seconds);
        }

        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopics(PARTITIONS, "bench.orders");
            long t0 = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                for (int i = 0; i < values.size(); i++) {
                    producer.send(new ProducerRecord<>("bench.orders", ("PO-" + i).getBytes(StandardCharsets.UTF_8),
                            values.get(i)));
                }
            }
            System.out.printf("order lines produced in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            run(broker, checker, validator, "warm-up-1", 2, lines);
            run(broker, checker, validator, "warm-up-2", 1, lines);
            System.out.printf("%-10s %9s %8s %12s %9s %10s %10s %10s %10s %8s%n", "consumers", "lines", "seconds",
                    "lines/s", "CPU used", "consumers", "client I/O", "broker", "JIT, GC", "load");
            for (int round = 1; round <= rounds; round++) {
                for (int consumers = 1; consumers <= 3; consumers++) {
                    run(broker, checker, validator, "r" + round + "c" + consumers, consumers, lines);
                }
            }
        }
    }

    private static void run(KafkaBroker broker, ShipmentChecker checker, Validator validator, String name,
                            int consumers, int lines) throws InterruptedException {
        broker.createTopics(PARTITIONS, "bench." + name + ".results", "bench." + name + ".dlq");
        StreamSettings settings = new StreamSettings(broker.bootstrapServers(), "bench.orders",
                "bench." + name + ".results", "bench." + name + ".dlq", "bench-" + name, consumers, null,
                Map.of("max.poll.records", System.getProperty("poll", "500")));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, Long> cpuBefore = threadCpu();
        long processCpu = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        OrderStream stream = OrderStream.start(settings, checker, validator, name);
        while (stream.linesDone() < lines) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - processCpu) / 1e9;
        Map<String, Double> byFamily = cpuByFamily(cpuBefore);
        stream.stop(java.time.Duration.ofSeconds(30));
        if (name.startsWith("warm-up")) {
            System.out.printf("warm-up (%d consumers): %,.0f lines/s%n", consumers, lines / seconds);
            return;
        }
        double consumerShare = share(byFamily, "consumers", cpu);
        double clientShare = share(byFamily, "client I/O", cpu);
        double brokerShare = share(byFamily, "broker", cpu);
        // What no Java thread accounts for: the JIT compiler and the garbage collector (native threads).
        double rest = 100 - consumerShare - clientShare - brokerShare - share(byFamily, "bench", cpu);
        System.out.printf("%-10d %,9d %8.1f %,12.0f %8.0f%% %9.0f%% %9.0f%% %9.0f%% %9.0f%% %8.2f%n", consumers, lines,
                seconds, lines / seconds, 100 * cpu / seconds / os.getAvailableProcessors(), consumerShare, clientShare,
                brokerShare, rest, os.getSystemLoadAverage());
    }

    private static double share(Map<String, Double> byFamily, String family, double total) {
        return 100 * byFamily.getOrDefault(family, 0.0) / total;
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /** CPU seconds since {@code before}, by thread family (threads of the consumers' Kafka clients by their names). */
    private static Map<String, Double> cpuByFamily(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> families = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) - before.getOrDefault(info.getThreadId(), 0L);
            String name = info.getThreadName();
            String family = name.startsWith("tradecheck-stream-") ? "consumers"
                    : name.startsWith("kafka-producer-network-thread") || name.startsWith("kafka-coordinator-heartbeat")
                    || name.startsWith("consumer_background") ? "client I/O"
                    : name.equals("main") ? "bench" : "broker";
            families.merge(family, used / 1e9, Double::sum);
        }
        return families;
    }
}
