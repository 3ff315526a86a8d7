package io.tradecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradecheck.editing.PackValidator;
import io.tradecheck.editing.ValidationReport;
import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackException;
import io.tradecheck.engine.RulePackProblem;
import io.tradecheck.engine.RulePackSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tradecheck validate}: does the rules folder compile, are its tables sound? For a specialist's CI. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate the rules folder: compile every table and DRL file, check every cell (countries, HS "
                + "codes, dates, rates), 'to' before 'from', overlapping date windows of one measure and scope (errors) "
                + "and gaps between them (warnings).",
                "Prints one line per problem as FILE:LINE [COLUMN]: REASON. Exit code 3 on any error."})
class ValidateCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--warnings-as-errors", description = "Fail on warnings too (gaps nobody acknowledged)")
    boolean warningsAsErrors;

    @Option(names = "--json", description = "Print the report as JSON instead of lines")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        RulePackSource source;
        try {
            source = RulePackSource.fromDirectory(rulesDir);
        } catch (RulePackException e) {
            e.problems().forEach(p -> System.err.println("error: " + p));
            return ExitCodes.RULES_INVALID;
        }
        ValidationReport report = new PackValidator(new RulePackCompiler()).validate(source, false).report();
        if (json) {
            out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            report.errors().forEach(p -> out.println(line("error", p)));
            report.warnings().forEach(p -> out.println(line("warning", p)));
            out.printf("%s: %s, %d error(s), %d warning(s)%s%n", rulesDir, report.valid() ? "valid" : "NOT VALID",
                    report.errors().size(), report.warnings().size(),
                    report.valid() ? " (pack " + report.packVersion() + ", " + report.digest() + ")" : "");
        }
        boolean failed = !report.valid() || (warningsAsErrors && !report.warnings().isEmpty());
        return failed ? ExitCodes.RULES_INVALID : ExitCodes.OK;
    }

    /** The compiler's and linters' shape, which editors and CI annotate: FILE:LINE [COLUMN]: error: REASON. */
    static String line(String severity, RulePackProblem p) {
        String where = p.toString();
        int colon = where.indexOf(": ");
        return where.substring(0, colon) + ": " + severity + ": " + p.message();
    }
}
