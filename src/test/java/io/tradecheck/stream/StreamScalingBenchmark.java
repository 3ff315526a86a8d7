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
    /** Held here: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger STREAM_LOG = java.util.logging.Logger.getLogger("io.tradecheck.stream");

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = Integer.getInteger("rounds", 2);
        TradecheckCommand.quietLibraries();
        STREAM_LOG.addHandler(new java.util.logging.ConsoleHandler()); // the consumers' warnings (retries), if any
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

        ThreadMXBean self = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= 3; pass++) {
            long t0 = System.nanoTime();
            long cpu0 = self.getCurrentThreadCpuTime();
            LineChecker check = new LineChecker(checker, validator, checker.rules().current(), null);
            long n = 0;
            for (byte[] v : values) {
                n += check.apply(NdjsonOrderReader.parse(n, new String(v, StandardCharsets.UTF_8))).line() >= 0 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("engine alone (parse, validate, check; no Kafka), 1 thread, pass %d: %,.0f lines/s, "
                    + "%.1f CPU µs per line%n", pass, n / seconds, (self.getCurrentThreadCpuTime() - cpu0) / 1e3 / n);
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
            System.out.printf("%-10s %9s %8s %10s %9s | %s %9s %9s %9s %9s %9s | %6s%n", "consumers", "lines",
                    "seconds", "lines/s", "CPU used", "CPU µs per line:", "consumers", "client", "broker", "JIT+GC",
                    "total", "load");
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
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (stream.linesDone() < lines) {
            Thread.sleep(20);
            if (System.nanoTime() > nextReport) {
                // A run this slow is stuck somewhere: say how far each part got.
                System.out.printf("  %s: %,d lines answered after %.0f s, %d consumers running, %d polls retried%n",
                        name, stream.linesDone(), (System.nanoTime() - t0) / 1e9, stream.running(), stream.retries());
                nextReport += 10_000_000_000L;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - processCpu) / 1e9;
        Map<String, Double> byFamily = cpuByFamily(cpuBefore);
        stream.stop(java.time.Duration.ofSeconds(30));
        if (name.startsWith("warm-up")) {
            System.out.printf("warm-up (%d consumers): %,.0f lines/s%n", consumers, lines / seconds);
            return;
        }
        double perLine = 1e6 / lines;
        double consumerCpu = byFamily.getOrDefault("consumers", 0.0);
        double clientCpu = byFamily.getOrDefault("client I/O", 0.0);
        double brokerCpu = byFamily.getOrDefault("broker", 0.0);
        // What no Java thread accounts for: the JIT compiler and the garbage collector (native threads).
        double rest = cpu - consumerCpu - clientCpu - brokerCpu - byFamily.getOrDefault("bench", 0.0);
        System.out.printf("%-10d %,9d %8.1f %,10.0f %8.0f%% | %16s %9.1f %9.1f %9.1f %9.1f %9.1f | %6.2f%n", consumers,
                lines, seconds, lines / seconds, 100 * cpu / seconds / os.getAvailableProcessors(), "",
                consumerCpu * perLine, clientCpu * perLine, brokerCpu * perLine, rest * perLine, cpu * perLine,
                os.getSystemLoadAverage());
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
