package io.tradecheck.bench;

import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.ImpactReport;
import io.tradecheck.editing.PackFixture;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RulesFolder;
import io.tradecheck.editing.TestHistory;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The closing figures of rule editing, measured on this machine (not a test; nothing asserts on time):
 * <ol>
 *   <li>reload time of the full pack, as an in-place edit costs it: read the folder, compile, run the scenarios,
 *   record the version, swap (RuleActivation.reloadFolder), warm JVM, median of N;</li>
 *   <li>impact-analysis throughput: a generated order file of R lines (default 100,000) through the bundled pack and
 *   a draft with one rate changed, 2 threads.</li>
 * </ol>
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.main=io.tradecheck.bench.RuleEditingFigures -Dbench.args="100000 10"}
 */
public final class RuleEditingFigures {
    private static final String[][] ROUTES = {
        {"CN", "9506.62.40.40"}, {"CN", "8471.30.01.00"}, {"HK", "8542.31.00.00"}, {"JP", "9506.62.40.40"},
        {"JP", "8703.80.00.00"}, {"DE", "8471.30.01.00"}, {"FR", "2204.21.00.00"}, {"VN", "6403.99.90.65"},
        {"CA", "2709.00.20.00"}, {"MX", "8703.23.01.90"}, {"IN", "6109.10.00.12"}, {"KR", "8507.60.00.20"},
    };

    public static void main(String[] args) throws Exception {
        io.tradecheck.cli.TradecheckCommand.quietLibraries();
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("tradecheck-figures-");
        System.out.printf("cores %d, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // 1. Reload: alternate the Japan rate in the folder so each reload is a real new version.
        Path rules = work.resolve("rules");
        PackFixture.copyBundled(rules);
        long t0 = System.nanoTime();
        RuleActivation activation = RuleActivation.start(new RulesFolder(rules), TestHistory.in(work.resolve("data")),
                new PackCheck(), Clock.systemUTC());
        System.out.printf("start-up load (cold JVM): %d ms; pack: %d table rows, %d rules, %d files%n",
                (System.nanoTime() - t0) / 1_000_000, activation.active().current().info().counts().tableRows(),
                activation.active().current().info().counts().rules(), activation.active().current().info().counts().files());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < reloads + 3; i++) {
            PackFixture.setJapanRate(rules, 25 + i % 2);
            long t = System.nanoTime();
            if (activation.reloadFolder().isEmpty()) {
                throw new IllegalStateException("reload did not activate: " + activation.state().lastError());
            }
            if (i >= 3) {
                millis.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        Collections.sort(millis);
        System.out.printf("reload of the full pack (read, compile, scenarios, record, swap), warm, %d runs: median %d ms, "
                + "min %d, max %d%n", millis.size(), millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));

        // 2. Impact over a generated order file.
        Path orders = work.resolve("orders.csv");
        writeOrders(orders, rows);
        RulePackSource bundled = RulePackSource.fromDirectory(PackFixture.BUNDLED);
        RuleSet before = new RulePackCompiler().compile(bundled);
        RuleSet after = new RulePackCompiler().compile(RulePackSource.of("draft",
                List.copyOf(PackFixture.withJapanRate(bundled, 27).values())));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int run = 1; run <= 3; run++) {
                try (OrderReader reader = OrderFiles.open(orders, OrderFormat.CSV, null)) {
                    ImpactReport r = new ImpactAnalysis(RequestValidation.validator(), pool, 2, ZoneId.of("America/New_York"))
                            .compare(reader, before, after, 1000, c -> { });
                    System.out.printf("impact run %d: %,d lines (%,d changed, %,d invalid) in %,d ms = %,d lines/s "
                            + "(2 checks per line)%n", run, r.rows(), r.changed(), r.invalid(), r.millis(), r.rowsPerSecond());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeOrders(Path file, int rows) throws IOException {
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2025, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("reference,originCountry,destinationCountry,exportCountry,hsCode,eccn,description,customsValue,"
                    + "currency,mfnRate,entryDate,usmcaQualifying\n");
            for (int i = 0; i < rows; i++) {
                String[] route = ROUTES[random.nextInt(ROUTES.length)];
                LocalDate date = first.plusDays(random.nextInt(540));
                out.write("PO-" + i + "," + route[0] + ",US,," + route[1] + ",,goods," + (100 + random.nextInt(100_000))
                        + ",USD,," + date + ",\n");
            }
        }
    }
}
