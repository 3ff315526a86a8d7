package io.tradecheck.editing;

/** A pack that did not validate cannot go live; the report says why, file by file. */
public class ActivationRefusedException extends RuntimeException {
    private final ValidationReport report;

    public ActivationRefusedException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
