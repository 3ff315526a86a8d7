package io.tradecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tradecheck.pack.RulePackProblem;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.PackVerdict;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tradecheck validate}: the pack check the service applies before a pack goes live. For a specialist's CI. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate the rules folder with the same check the service applies: compile every table and DRL "
                + "file, check every cell (countries, HS codes, dates, rates), 'to' before 'from', overlapping date "
                + "windows of one measure and scope, run every scenario, and report rows and logic rules no scenario "
                + "exercises (errors); gaps between date windows (warnings).",
                "Prints one line per problem as FILE:LINE [COLUMN]: REASON. Exit code 3 on any error."})
class ValidateCommand implements Callable<Integer> {
    @Mixin
    RulePackOptions pack;

    @Option(names = "--coverage", paramLabel = "GATE|WARN", defaultValue = "GATE",
            description = "A row or logic rule no scenario exercises is an error (GATE, as in the service) or a warning")
    PackCheck.Coverage coverage;

    @Option(names = "--warnings-as-errors", description = "Fail on warnings too (gaps nobody acknowledged)")
    boolean warningsAsErrors;

    @Option(names = "--json", description = "Print the verdict as JSON instead of lines")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PackVerdict verdict = pack.check(coverage).verdict();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(verdict));
        } else {
            verdict.errors().forEach(p -> out.println(line("error", p)));
            verdict.warnings().forEach(p -> out.println(line("warning", p)));
            out.printf("%s: %s, %d error(s), %d warning(s)%s%n", pack.rulesDir, verdict.valid() ? "valid" : "NOT VALID",
                    verdict.errors().size(), verdict.warnings().size(),
                    verdict.valid() ? " (pack " + verdict.packVersion() + ", " + verdict.digest() + ")" : "");
        }
        boolean failed = !verdict.valid() || (warningsAsErrors && !verdict.warnings().isEmpty());
        return failed ? ExitCodes.RULES_INVALID : ExitCodes.OK;
    }

    /** The compiler's and linters' shape, which editors and CI annotate: FILE:LINE [COLUMN]: error: REASON. */
    static String line(String severity, RulePackProblem p) {
        String where = p.toString();
        int colon = where.indexOf(": ");
        return where.substring(0, colon) + ": " + severity + ": " + p.message();
    }
}
