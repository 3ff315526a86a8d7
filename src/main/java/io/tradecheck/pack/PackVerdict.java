package io.tradecheck.pack;

import java.util.List;

/**
 * What {@link PackCheck} found, the same whichever door a pack came through (build, API, activation, folder watch,
 * {@code tradecheck validate} or {@code test}). {@code valid} means it may go live: it compiles, its tables are sound
 * (cells, date windows), every scenario passes and, with the coverage gate on, every table row and logic rule is
 * exercised by a scenario. Warnings (an unacknowledged gap between two windows; coverage when the gate is off) do not
 * block.
 *
 * @param errors   compile and table errors, failed scenarios, then rows and rules no scenario exercises; each with
 *                 file, line, column and reason
 * @param warnings gaps between date windows that nobody said were meant
 */
public record PackVerdict(
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
