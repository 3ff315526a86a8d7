package io.tradecheck.editing;

import io.tradecheck.pack.PackVerdict;

/** A pack that did not pass the pack check cannot go live; the verdict says why, file by file. */
public class ActivationRefusedException extends RuntimeException {
    private final PackVerdict verdict;

    public ActivationRefusedException(String message, PackVerdict verdict) {
        super(message);
        this.verdict = verdict;
    }

    public PackVerdict verdict() {
        return verdict;
    }
}
