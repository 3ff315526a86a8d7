package io.tradecheck.pack;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that cannot become a rule set; it lists every problem found, not just the first. */
public class RulePackException extends RuntimeException {
    private final List<RulePackProblem> problems;

    public RulePackException(List<RulePackProblem> problems) {
        super("Rule pack has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(RulePackProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RulePackProblem> problems() {
        return problems;
    }
}
