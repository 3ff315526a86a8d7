package io.tradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's exit code is what a pipeline gates on: 0 clean, 2 a line with a gating outcome (PROHIBITED,
 * LICENSE_REQUIRED or ERROR unless --fail-on says otherwise), 1 unreadable.
 */
class CheckFileCommandTest {

    @Test
    void aFileWithProhibitedAndErrorLinesExitsWithTwoAndWritesOneResultPerLine(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("orders.results.csv");
        Path summary = dir.resolve("summary.json");
        int exit = TradecheckCommand.commandLine().execute("check-file", "examples/orders.csv", "-o", results.toString(),
                "--summary-json", summary.toString(), "--no-progress");
        assertEquals(ExitCodes.BLOCKING_LINES, exit);
        List<String> lines = Files.readAllLines(results);
        assertEquals(12, lines.size());
        assertTrue(lines.get(9).startsWith("10,PO-1009,LICENSE_REQUIRED,"), lines.get(9));
        assertTrue(Files.readString(summary).contains("\"PROHIBITED\" : 1"), Files.readString(summary));
    }

    @Test
    void aCleanFileExitsWithZeroAndNdjsonFollowsTheOutputName(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results.ndjson");
        int exit = TradecheckCommand.commandLine().execute("check-file", "src/test/resources/batch/semicolon-bom.csv",
                "-o", results.toString());
        assertEquals(ExitCodes.OK, exit);
        assertTrue(Files.readAllLines(results).get(0).startsWith("{\"line\":2,\"reference\":\"SEMI-1\""));
    }

    @Test
    void aLicenceRequiredLineGatesByDefaultAndFailOnChoosesWhichOutcomesGate(@TempDir Path dir) throws IOException {
        Path orders = dir.resolve("licence.csv");
        List<String> all = Files.readAllLines(Path.of("examples/orders.csv"));
        Files.write(orders, List.of(all.get(0), all.get(9)));
        Path summary = dir.resolve("summary.json");
        String results = dir.resolve("r.csv").toString();
        assertEquals(ExitCodes.BLOCKING_LINES, TradecheckCommand.commandLine().execute("check-file", orders.toString(),
                "-o", results, "--summary-json", summary.toString(), "--no-progress"));
        assertTrue(Files.readString(summary).contains("\"LICENSE_REQUIRED\" : 1"), Files.readString(summary));
        assertTrue(Files.readString(summary).contains("\"PROHIBITED\" : 0"), Files.readString(summary));
        assertEquals(ExitCodes.OK, TradecheckCommand.commandLine().execute("check-file", orders.toString(),
                "-o", results, "--fail-on=PROHIBITED,ERROR"));
        assertEquals(ExitCodes.OK, TradecheckCommand.commandLine().execute("check-file", orders.toString(),
                "-o", results, "--fail-on", "none"));
        assertEquals(ExitCodes.BLOCKING_LINES, TradecheckCommand.commandLine().execute("check-file", orders.toString(),
                "-o", results, "--fail-on", "license_required"));
        assertEquals(ExitCodes.USAGE, TradecheckCommand.commandLine().execute("check-file", orders.toString(),
                "-o", results, "--fail-on", "LICENCE"));
    }

    @Test
    void anUnreadableFileExitsWithOneAndAWrongOptionWithSixtyFour(@TempDir Path dir) {
        assertEquals(ExitCodes.UNREADABLE_FILE, TradecheckCommand.commandLine().execute("check-file",
                "src/test/resources/batch/unknown-column.csv", "-o", dir.resolve("r.csv").toString()));
        assertEquals(ExitCodes.UNREADABLE_FILE, TradecheckCommand.commandLine().execute("check-file",
                dir.resolve("missing.csv").toString()));
        assertEquals(ExitCodes.USAGE, TradecheckCommand.commandLine().execute("check-file", "--no-such-option", "x.csv"));
        assertEquals(ExitCodes.USAGE, TradecheckCommand.commandLine().execute());
    }
}
