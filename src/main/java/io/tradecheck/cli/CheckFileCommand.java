package io.tradecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tradecheck.batch.BatchSummary;
import io.tradecheck.batch.BatchValidator;
import io.tradecheck.batch.LineEstimate;
import io.tradecheck.batch.OrderFileException;
import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.batch.ResultWriter;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.engine.ShipmentChecker;
import jakarta.validation.Validator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tradecheck check-file orders.csv}: validates an order file on disk into a results file. */
@Command(name = "check-file", mixinStandardHelpOptions = true,
        description = {"Check every line of an order file (CSV, XLSX or NDJSON) against the rules and write one result "
                + "per line (CSV or NDJSON), with a summary at the end.",
                "Exit code 2 when any line is PROHIBITED or ERROR, 1 when the file cannot be read."})
class CheckFileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Order file: .csv, .xlsx or .ndjson")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Results file, or '-' for standard output (default: FILE with .results.csv)")
    String output;

    @Option(names = "--format", paramLabel = "csv|ndjson",
            description = "Results format (default: from the output's extension, else csv)")
    String format;

    @Option(names = "--input-format", paramLabel = "csv|xlsx|ndjson",
            description = "Order file format (default: from FILE's extension, else from its content)")
    String inputFormat;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX: the sheet to read (default: the first)")
    String sheet;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE")
    Path summaryJson;

    @Option(names = "--threads", paramLabel = "N", description = "Lines checked in parallel (default: the cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal")
    boolean noProgress;

    @Mixin
    RulePackOptions rules;

    @Override
    public Integer call() throws IOException {
        boolean toStdout = "-".equals(output);
        PrintStream report = toStdout ? System.err : System.out;
        OrderFormat declared = inputFormat != null ? OrderFormat.valueOf(inputFormat.toUpperCase())
                : OrderFormat.ofFileName(input.getFileName().toString());
        Path resultsPath = toStdout ? null : output != null ? Path.of(output) : defaultOutput(input);
        ResultFormat resultFormat = format != null ? ResultFormat.valueOf(format.toUpperCase())
                : resultsPath == null ? ResultFormat.CSV : ResultFormat.ofFileName(resultsPath.toString());

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tradecheck-check");
            t.setDaemon(true);
            return t;
        });
        // The file is opened (format, encoding, header checked) before the rules compile: a bad file fails fast.
        try (OrderReader reader = OrderFiles.open(input, declared, sheet)) {
            ShipmentChecker checker;
            try {
                checker = rules.compile();
            } catch (RulePackException e) {
                System.err.println("tradecheck: the rules folder " + rules.rulesDir + " does not compile:");
                e.problems().forEach(p -> System.err.println("  " + p));
                return ExitCodes.RULES_INVALID;
            }
            Validator validator = RequestValidation.validator();
            BatchValidator batch = new BatchValidator(checker, validator, pool, threads);
            OrderFormat actual = declared != null ? declared : OrderFormat.ofFileName(input.toString());
            ProgressBar progress = System.console() != null && !noProgress
                    ? new ProgressBar(System.err, actual == null ? -1 : LineEstimate.of(input, actual)) : null;
            BatchSummary summary;
            try (OutputStream out = toStdout ? new KeepOpen(System.out) : Files.newOutputStream(resultsPath);
                 ResultWriter writer = ResultWriter.of(resultFormat, out)) {
                summary = batch.validate(reader, writer, progress == null ? done -> { } : progress::update);
            }
            if (progress != null) {
                progress.finish(summary.lines());
            }
            printSummary(report, summary, resultsPath);
            if (summaryJson != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryJson.toFile(), summary);
            }
            return summary.blocking() ? ExitCodes.BLOCKING_LINES : ExitCodes.OK;
        } catch (OrderFileException e) {
            System.err.println("tradecheck: " + input + ": " + e.getMessage());
            return ExitCodes.UNREADABLE_FILE;
        } finally {
            pool.shutdownNow();
        }
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".results.csv");
    }

    private void printSummary(PrintStream out, BatchSummary s, Path resultsPath) {
        out.printf("%s: %,d lines checked in %.1f s%s%n", input, s.lines(), s.millis() / 1000.0,
                resultsPath == null ? "" : ", results in " + resultsPath);
        out.println("  " + s.decisions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (!s.additionalDutyByCurrency().isEmpty()) {
            out.println("  additional duty: " + s.additionalDutyByCurrency().entrySet().stream()
                    .map(CheckFileCommand::money).collect(Collectors.joining(", ")));
        }
        out.println("  rule set " + s.ruleSet().version() + " (" + s.ruleSet().digest() + ")");
    }

    private static String money(Map.Entry<String, BigDecimal> e) {
        return String.format("%s %,.2f", e.getKey(), e.getValue());
    }

    /** Standard output must outlive the results writer. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
