package io.tradecheck.model;

/**
 * Who a check is made for and, for a batch line, which job and line: passed with each check to the decision log, so
 * that each logged decision names its caller, job and line.
 *
 * @param caller    who submitted it; null for the authenticated caller of the current request
 * @param batchJob  the batch job, or null
 * @param batchLine the line of the order file, or null
 */
public record Origin(String caller, String batchJob, Integer batchLine) {
    /** The authenticated caller of the current request, not a batch line (the pre-check API, the command line). */
    public static final Origin CURRENT_CALLER = new Origin(null, null, null);

    public static Origin batchLine(String caller, String batchJob, long line) {
        return new Origin(caller, batchJob, (int) line);
    }
}
