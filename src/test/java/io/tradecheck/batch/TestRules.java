package io.tradecheck.batch;

import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The bundled rule pack, compiled once per test JVM, and helpers to read and run order files in tests. */
final class TestRules {
    static final Path DATA = Path.of("src/test/resources/batch");
    static final Validator VALIDATOR = RequestValidation.validator();
    static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-check");
        t.setDaemon(true);
        return t;
    });
    private static ShipmentChecker checker;

    private TestRules() {
    }

    static synchronized ShipmentChecker checker() {
        if (checker == null) {
            checker = new ShipmentChecker(new ActiveRuleSet(new RulePackCompiler().compile(
                    RulePackSource.fromDirectory(Path.of("rules")))), ZoneId.of("America/New_York"));
        }
        return checker;
    }

    static BatchValidator validator() {
        return new BatchValidator(checker(), VALIDATOR, POOL, 2);
    }

    static List<OrderLine> read(String file) throws IOException {
        return read(DATA.resolve(file), null);
    }

    static List<OrderLine> read(Path file, String sheet) throws IOException {
        List<OrderLine> lines = new ArrayList<>();
        try (OrderReader reader = OrderFiles.open(file, OrderFormat.ofFileName(file.toString()), sheet)) {
            reader.forEachLine(lines::add);
        }
        return lines;
    }

    /** Runs a file through the batch path and returns the results and summary. */
    static Run run(Path file) throws IOException {
        List<LineResult> results = new ArrayList<>();
        BatchSummary summary;
        try (OrderReader reader = OrderFiles.open(file, OrderFormat.ofFileName(file.toString()), null)) {
            summary = validator().validate(reader, new ResultWriter() {
                @Override
                public void write(LineResult result) {
                    results.add(result);
                }

                @Override
                public void close() {
                }
            });
        }
        return new Run(results, summary);
    }

    static String csvOf(List<LineResult> results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultWriter writer = ResultWriter.of(ResultFormat.CSV, out)) {
            for (LineResult r : results) {
                writer.write(r);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    record Run(List<LineResult> results, BatchSummary summary) {
        LineResult byReference(String reference) {
            return results.stream().filter(r -> reference.equals(r.reference())).findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + reference + " in " + results));
        }
    }
}
