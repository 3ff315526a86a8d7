package io.tradecheck.decisionlog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that is safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula ({@code = + - @}, tab,
 * carriage return at the start) gets a leading apostrophe (OWASP's advice on CSV injection), and every cell is quoted.
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
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A negative number stays a number: "-5" is data, not a formula. */
    private static boolean isNumber(String s) {
        return s.matches("[-+]?[0-9]+(\\.[0-9]+)?");
    }
}
