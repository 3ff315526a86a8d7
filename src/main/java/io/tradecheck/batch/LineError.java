package io.tradecheck.batch;

/**
 * Why one line of an order file could not be checked.
 *
 * @param column the column (CSV, XLSX) or field (NDJSON) at fault; {@code (line)} when the line as a whole is
 */
public record LineError(String column, String reason) {
    public static final String WHOLE_LINE = "(line)";
}
