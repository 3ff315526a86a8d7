package io.tradecheck.editing;

import io.tradecheck.engine.RulePackProblem;
import java.util.List;

/**
 * What validating a pack found. {@code valid} means it may go live: it compiles, its tables are sound (cells, date
 * windows) and every scenario passes. Warnings (an unacknowledged gap between two windows of a measure) do not block.
 *
 * @param errors   compile and table errors, then failed scenarios, each with file, line, column and reason
 * @param warnings gaps between date windows that nobody said were meant
 */
public record ValidationReport(
        boolean valid,
        String packVersion,
        String digest,
        Long compileMillis,
        List<RulePackProblem> errors,
        List<RulePackProblem> warnings,
        Scenarios scenarios) {

    /** @param run scenarios run (0 when the pack did not compile) */
    public record Scenarios(int run, int passed, int failed) {
    }
}
