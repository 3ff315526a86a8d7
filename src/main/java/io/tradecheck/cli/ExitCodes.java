package io.tradecheck.cli;

/** What the command line's exit code means, so a pipeline can gate on it. */
public final class ExitCodes {
    /** Every line checked, none with an outcome that gates ({@code check-file --fail-on}). */
    public static final int OK = 0;
    /** The order file cannot be read at all (format, encoding, header), or cannot be written. */
    public static final int UNREADABLE_FILE = 1;
    /**
     * At least one line has an outcome named in {@code --fail-on}: by default PROHIBITED, LICENSE_REQUIRED, or could
     * not be checked (ERROR).
     */
    public static final int BLOCKING_LINES = 2;
    /** The rules folder does not compile. */
    public static final int RULES_INVALID = 3;
    /** A scenario of the rule pack failed ({@code test}). */
    public static final int SCENARIOS_FAILED = 4;
    /** The draft changes at least one line of the order file ({@code impact --fail-on-change}). */
    public static final int IMPACT_CHANGES = 5;
    /** Wrong options or arguments (picocli's usage error, moved off 2 so it cannot pass for a gate result). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
