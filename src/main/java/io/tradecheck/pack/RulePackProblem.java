package io.tradecheck.pack;

/**
 * One thing wrong with a rule pack, located so a specialist can find it: the file (relative to the rules folder), the
 * line (1-based, 0 when unknown), the column (a header name for tables, a number for DRL, null when unknown) and why.
 */
public record RulePackProblem(String file, int line, String column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file == null ? "<pack>" : file);
        if (line > 0) {
            where.append(':').append(line);
        }
        if (column != null) {
            where.append(" [").append(column).append(']');
        }
        return where + ": " + message;
    }
}
