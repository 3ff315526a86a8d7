package io.tradecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tradecheck.batch.OrderFileException;
import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.batch.SpreadsheetCsv;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.ImpactReport;
import io.tradecheck.editing.RowChange;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tradecheck impact orders.csv --before base/rules}: what an edited rules folder changes on an order file,
 * against another folder (the version in force, e.g. a checkout of the main branch).
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Run every line of an order file (CSV, XLSX or NDJSON) through two rules folders - the one in "
                + "force (--before) and the edited one (--rules) - and write the lines they decide differently: old and "
                + "new decision, rate and duty, the difference, and the rules behind it. Prints a summary.",
                "Exit code 5 with --fail-on-change when any line changes; 3 when a folder does not compile; 1 when the "
                        + "order file cannot be read."})
class ImpactCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORDERS", description = "Order file: .csv, .xlsx or .ndjson")
    Path orders;

    @Option(names = "--before", paramLabel = "DIR", required = true,
            description = "Rules folder in force, to compare against (e.g. a checkout of the main branch)")
    Path beforeDir;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Edited rules folder (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Changed lines as CSV, or '-' for standard output (default: ORDERS with .impact.csv)")
    String output;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report (summary and up to --limit "
            + "changed lines) as JSON")
    Path json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Changed lines listed in the JSON report (all go to the CSV; default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--fail-on-change", description = "Exit with 5 when any line is decided differently")
    boolean failOnChange;

    @Option(names = "--input-format", paramLabel = "csv|xlsx|ndjson",
            description = "Order file format (default: from the extension, else from the content)")
    String inputFormat;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX: the sheet to read (default: the first)")
    String sheet;

    @Option(names = "--threads", paramLabel = "N", description = "Lines compared in parallel (default: the cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--customs-zone", paramLabel = "ZONE", defaultValue = "America/New_York",
            description = "Time zone whose date stands in for a missing entryDate (default: ${DEFAULT-VALUE})")
    ZoneId customsZone;

    @Override
    public Integer call() throws IOException {
        RuleSet before;
        RuleSet after;
        try {
            before = compile(beforeDir);
            after = compile(rulesDir);
        } catch (RulePackException e) {
            return ExitCodes.RULES_INVALID;
        }
        boolean toStdout = "-".equals(output);
        PrintStream report = toStdout ? System.err : System.out;
        Path csvPath = toStdout ? null : output != null ? Path.of(output) : defaultOutput(orders);
        OrderFormat declared = inputFormat != null ? OrderFormat.valueOf(inputFormat.toUpperCase())
                : OrderFormat.ofFileName(orders.getFileName().toString());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tradecheck-impact");
            t.setDaemon(true);
            return t;
        });
        ImpactReport result;
        try (OrderReader reader = OrderFiles.open(orders, declared, sheet);
             OutputStream out = toStdout ? new FilterOutputStream(System.out) {
                 @Override
                 public void close() throws IOException {
                     flush(); // standard output outlives the command
                 }
             } : Files.newOutputStream(csvPath);
             SpreadsheetCsv csv = new SpreadsheetCsv(out, RowChange.COLUMNS)) {
            result = new ImpactAnalysis(RequestValidation.validator(), pool, threads, customsZone)
                    .compare(reader, before, after, limit, change -> {
                        try {
                            csv.write(change.cells());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (OrderFileException e) {
            System.err.println("tradecheck: " + orders + ": " + e.getMessage());
            return ExitCodes.UNREADABLE_FILE;
        } finally {
            pool.shutdownNow();
        }
        print(report, result, csvPath);
        if (json != null) {
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), result);
        }
        return failOnChange && result.changed() > 0 ? ExitCodes.IMPACT_CHANGES : ExitCodes.OK;
    }

    private static RuleSet compile(Path dir) {
        try {
            return new RulePackCompiler().compile(RulePackSource.fromDirectory(dir));
        } catch (RulePackException e) {
            System.err.println("tradecheck: the rules folder " + dir + " does not compile:");
            e.problems().forEach(p -> System.err.println("  " + ValidateCommand.line("error", p)));
            throw e;
        }
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".impact.csv");
    }

    private void print(PrintStream out, ImpactReport r, Path csvPath) {
        out.printf("%s: %,d lines compared in %.1f s (%,d lines/s), %,d changed%s%n", orders, r.rows(),
                r.millis() / 1000.0, r.rowsPerSecond(), r.changed(), csvPath == null ? "" : ", listed in " + csvPath);
        out.printf("  before: %s (%s)%n  after:  %s (%s)%n", r.before().version(), r.before().digest(),
                r.after().version(), r.after().digest());
        if (r.invalid() > 0) {
            out.printf("  %,d line(s) could not be checked (first: line %d)%n", r.invalid(), r.invalidLines().get(0).line());
        }
        if (!r.changesByKind().isEmpty()) {
            out.println("  changes: " + r.changesByKind().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        r.decisionChanges().forEach((k, v) -> out.printf("    %s: %,d%n", k, v));
        r.duty().stream().filter(d -> d.delta().signum() != 0).forEach(d -> out.printf(
                "  additional duty %s: %,.2f -> %,.2f (%+,.2f)%n", d.currency(), d.before(), d.after(), d.delta()));
        r.rules().stream().limit(10).forEach(rule -> out.printf("  %-40s %,d line(s)%n", rule.ruleId(), rule.rows()));
    }
}
