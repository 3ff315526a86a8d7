package io.tradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.editing.PackFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, test and impact as a specialist's CI runs them: exit codes and the lines they print. */
class RuleCommandsTest {
    static final String ORDERS = "src/test/resources/editing/impact-orders.csv";

    @TempDir
    Path tmp;

    record Run(int exit, String out) {
    }

    static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = TradecheckCommand.commandLine().execute(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private Path copy() {
        Path rules = tmp.resolve("rules");
        PackFixture.copyBundled(rules);
        return rules;
    }

    @Test
    void validatePassesOnTheBundledPackAndNamesFileLineAndColumnOfAnError() throws IOException {
        Run ok = run("validate", "--rules", "rules");
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("rules: valid, 0 error(s)"), ok.out());

        Path rules = copy();
        Path fentanyl = rules.resolve("us-import/ieepa-fentanyl-china.csv");
        Files.write(fentanyl, PackFixture.brokenFentanylTable(Files.readAllBytes(fentanyl)));
        Run broken = run("validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES_INVALID, broken.exit(), broken.out());
        assertTrue(broken.out().contains("us-import/ieepa-fentanyl-china.csv:2 [to]: error: ends (2025-01-03) before it starts"),
                broken.out());
    }

    @Test
    void testRunsTheScenariosAndFailsWhenOneFails() throws IOException {
        Run ok = run("test", "--rules", "rules", "--quiet");
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().matches("(?s).*\\d+ passed, 0 failed.*"), ok.out());

        // The specialist changes the fentanyl rate but not the scenarios that state it.
        Path rules = copy();
        Path fentanyl = rules.resolve("us-import/ieepa-fentanyl-china.csv");
        Files.writeString(fentanyl, Files.readString(fentanyl).replace(",20,9903.01.24,", ",25,9903.01.24,"));
        Run failing = run("test", "--rules", rules.toString());
        assertEquals(ExitCodes.SCENARIOS_FAILED, failing.exit(), failing.out());
        assertTrue(failing.out().contains("FAIL scenarios/"), failing.out());
        assertTrue(failing.out().contains("additionalDutyRate: expected"), failing.out());
    }

    @Test
    void impactWritesTheChangedLinesAndCanGateOnThem() throws IOException {
        Path rules = copy();
        PackFixture.setJapanRate(rules, 27);
        Path csv = tmp.resolve("changes.csv");
        Path json = tmp.resolve("impact.json");
        Run run = run("impact", ORDERS, "--before", "rules", "--rules", rules.toString(), "-o", csv.toString(),
                "--json", json.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("6 lines compared"), run.out());
        assertTrue(run.out().contains("2 changed"), run.out());
        assertTrue(run.out().contains("US-RECIPROCAL-JP-APRIL"), run.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("2,JP-0409-A,DUTY,DUTIABLE,DUTIABLE,24,27,240.00,270.00,30.00,USD,US-RECIPROCAL-JP-APRIL,"),
                lines.get(1));
        assertTrue(Files.readString(json).contains("\"changed\" : 2"));

        assertEquals(ExitCodes.IMPACT_CHANGES, run("impact", ORDERS, "--before", "rules", "--rules", rules.toString(),
                "-o", csv.toString(), "--fail-on-change").exit());
        assertEquals(ExitCodes.OK, run("impact", ORDERS, "--before", "rules", "--rules", "rules", "-o", csv.toString(),
                "--fail-on-change").exit());
        assertEquals(ExitCodes.UNREADABLE_FILE, run("impact", "no-such-file.csv", "--before", "rules", "-o",
                csv.toString()).exit());
    }
}
