package io.tradecheck.editing;

import io.tradecheck.pack.RulePackProblem;
import java.util.List;

/** An upload that cannot become (part of) a draft: not a zip, a path outside the pack, a file type not allowed, too big. */
public class UploadRejectedException extends RuntimeException {
    /** STORE_FULL: the upload itself is acceptable, but the drafts in memory have no room for it. */
    public enum Reason { MALFORMED, NOT_ALLOWED, TOO_LARGE, STORE_FULL }

    private final Reason reason;
    private final List<RulePackProblem> problems;

    public UploadRejectedException(Reason reason, String message, List<RulePackProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    public List<RulePackProblem> problems() {
        return problems;
    }
}
