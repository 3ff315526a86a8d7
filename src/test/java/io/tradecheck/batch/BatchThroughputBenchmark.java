package io.tradecheck.batch;

import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.RuleSetRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Batch throughput and memory, CSV in and CSV out, in one JVM run (not a unit test; run {@code bench/batch.sh}):
 * <ul>
 *   <li>no rules: the same reader, pipeline and writer with a constant result per line: the practical limit;</li>
 *   <li>validation only: Bean Validation per line, no rules, to show where the time goes;</li>
 *   <li>full: validation and the full bundled rule pack, as the API and the command line run it.</li>
 * </ul>
 * For each generated file (default 100,000 and 1,000,000 lines) and round it prints lines per second, the peak heap
 * in use (sampled every 10 ms) and the largest heap left after a collection (the live data). Run with a fixed -Xmx:
 * the same small heap serving 100k and 1M lines shows that memory does not grow with the file.
 */
public final class BatchThroughputBenchmark {
    /** -Donly=full: just the full-rules runs, e.g. under a profiler. */
    private static final boolean ONLY_FULL = "full".equals(System.getProperty("only"));

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 2);
        int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
        Path dir = Path.of(System.getProperty("dir", "target/bench"));
        long[] sizes = args.length == 0 ? new long[]{100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        Files.createDirectories(dir);
        io.tradecheck.cli.TradecheckCommand.quietLibraries(); // log levels as the command line sets them

        long compileStart = System.nanoTime();
        ShipmentChecker checker = new ShipmentChecker(new ActiveRuleSet(new RulePackCompiler().compile(
                RulePackSource.fromDirectory(Path.of(System.getProperty("rules", "rules"))))), ZoneId.of("America/New_York"));
        System.out.printf("rules compiled in %d ms; %d threads; max heap %d MiB; %d cores%n",
                (System.nanoTime() - compileStart) / 1_000_000, threads,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-check");
            t.setDaemon(true);
            return t;
        });
        var validator = RequestValidation.validator();
        BatchValidator full = new BatchValidator(checker, validator, pool, threads);
        BatchPipeline pipeline = new BatchPipeline(pool, threads);
        RuleSetRef none = new RuleSetRef("none", "none");
        Function<OrderLine, LineResult> noRules = line -> new LineResult(line.number(), line.reference(), "CLEAR",
                null, null, null, List.of(), null, "no rules");
        Function<OrderLine, LineResult> validationOnly = line -> !line.readable() || !validator.validate(line.request()).isEmpty()
                ? LineResult.error(line.number(), line.reference(), List.of(new LineError("x", "invalid")))
                : new LineResult(line.number(), line.reference(), "CLEAR", null, null, null, List.of(), null, "no rules");

        // Warm up the JIT on a small file so the first measured run is not mostly compilation.
        Path warm = generate(dir, 50_000);
        run("warm-up", warm, pool, (r, w) -> full.validate(r, w));
        System.out.printf("%-16s %10s %10s %12s %14s %16s%n", "run", "lines", "seconds", "lines/s",
                "peak heap MiB", "live after GC MiB");
        for (long size : sizes) {
            Path file = generate(dir, size);
            for (int round = 1; round <= rounds; round++) {
                if (!ONLY_FULL) {
                    run("no rules", file, pool, (r, w) -> pipeline.run(r, noRules, w, none, n -> { }));
                    run("validation only", file, pool, (r, w) -> pipeline.run(r, validationOnly, w, none, n -> { }));
                }
                run("full rules", file, pool, (r, w) -> full.validate(r, w));
            }
        }
        pool.shutdownNow();
    }

    interface Batch {
        BatchSummary run(OrderReader reader, ResultWriter writer) throws IOException;
    }

    private static void run(String name, Path file, ExecutorService pool, Batch batch) throws IOException {
        Path out = file.resolveSibling(file.getFileName() + "." + name.replace(' ', '-') + ".results.csv");
        System.gc();
        HeapSampler heap = new HeapSampler();
        heap.start();
        long start = System.nanoTime();
        BatchSummary summary;
        try (OrderReader reader = OrderFiles.open(file, OrderFormat.CSV, null);
             OutputStream os = Files.newOutputStream(out);
             ResultWriter writer = ResultWriter.of(ResultFormat.CSV, os)) {
            summary = batch.run(reader, writer);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.stopNow();
        if (!name.equals("warm-up")) {
            System.out.printf("%-16s %10d %10.2f %,12.0f %14d %16d%n", name, summary.lines(), seconds,
                    summary.lines() / seconds, heap.peakUsed >> 20, heap.peakAfterGc() >> 20);
        }
        Files.deleteIfExists(out);
    }

    static Path generate(Path dir, long lines) throws IOException {
        Path file = dir.resolve("orders-" + lines + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Random random = new Random(lines);
        try (Writer out = Files.newBufferedWriter(file)) {
            ShipmentSamples.writeCsvHeader(out);
            for (long i = 0; i < lines; i++) {
                CheckRequest r = ShipmentSamples.one(random, i);
                ShipmentSamples.writeCsvLine(r, out);
            }
        }
        System.out.printf("generated %s (%d lines, %d MiB)%n", file, lines, Files.size(file) >> 20);
        return file;
    }

    /** Samples the heap in use every 10 ms, and reads the heap pools' usage after their last collection. */
    private static final class HeapSampler extends Thread {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile boolean running = true;
        private long peakUsed;
        private long peakAfterGc;

        HeapSampler() {
            setDaemon(true);
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public void run() {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakUsed = Math.max(peakUsed, used);
                long afterGc = 0;
                for (MemoryPoolMXBean p : pools) {
                    if (p.getCollectionUsage() != null) {
                        afterGc += p.getCollectionUsage().getUsed();
                    }
                }
                peakAfterGc = Math.max(peakAfterGc, afterGc);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakAfterGc() {
            return peakAfterGc;
        }

        void stopNow() {
            running = false;
        }
    }
}
