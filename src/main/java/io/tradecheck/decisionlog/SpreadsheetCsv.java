package io.tradecheck.decisionlog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that is safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula gets a leading
 * apostrophe (OWASP's advice on CSV injection), and every cell is quoted. The rule ({@link #neutralise}) is shared by
 * every CSV the service writes.
 */
public final class SpreadsheetCsv {
    private SpreadsheetCsv() {
    }

    public static String row(List<?> cells) {
        return cells.stream().map(SpreadsheetCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return "\"" + neutraliseText(value.toString()).replace("\"", "\"\"") + "\"";
    }

    /**
     * Prefixes an apostrophe to text a spreadsheet could run as a formula: text starting with tab or carriage return,
     * or whose first character after any leading white space and control characters (spaces, line feeds, NULs: some
     * spreadsheets skip them) is {@code = + - @}. Callers must still quote
     * cells holding line breaks (RFC 4180), so that no line of a cell becomes a row of its own.
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        if (first == '\t' || first == '\r') {
            return "'" + s;
        }
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))
                || Character.isSpaceChar(s.charAt(i)))) {
            i++;
        }
        if (i < s.length() && "=+-@".indexOf(s.charAt(i)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** For columns that mix text and numbers: a negative number ("-5", "-1.25") stays a number, text is neutralised. */
    public static String neutraliseText(String s) {
        return s != null && s.matches("-[0-9]+(\\.[0-9]+)?") ? s : neutralise(s);
    }
}
