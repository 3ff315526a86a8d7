package io.tradecheck.batch;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.RequestFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The header of a tabular order file (CSV, XLSX) matched to the request's field names, and each row of text cells
 * turned into a {@link CheckRequest}. Column names match the field names regardless of case and surrounding spaces;
 * anything else (a typo such as {@code orgin}) makes the whole file unreadable rather than being silently ignored.
 * Values are typed here; constraints (country codes, HS pattern, ...) are left to Bean Validation, as in the API.
 */
final class RequestColumns {
    private static final int REFERENCE = RequestFields.NAMES.indexOf("reference");
    private static final Class<?>[] FIELD_TYPES = Arrays.stream(CheckRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
    private static final java.lang.reflect.Constructor<CheckRequest> CANONICAL;

    static {
        try {
            CANONICAL = CheckRequest.class.getDeclaredConstructor(FIELD_TYPES);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A plain decimal: digits, an optional point and fraction, an optional exponent. No thousands separators. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** "12,5" in a semicolon file: the decimal comma of the locales that save CSV with semicolons. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    private final List<String> columns;
    private final int[] fieldOfColumn;
    private final boolean decimalComma;

    private RequestColumns(List<String> columns, int[] fieldOfColumn, boolean decimalComma) {
        this.columns = columns;
        this.fieldOfColumn = fieldOfColumn;
        this.decimalComma = decimalComma;
    }

    /**
     * Matches a header row to the request fields.
     *
     * @param decimalComma whether "12,5" reads as 12.5 (only in semicolon-separated files, where it is unambiguous)
     * @throws OrderFileException for no header, an unknown or repeated column, or a required column missing
     */
    static RequestColumns of(List<String> header, boolean decimalComma) {
        List<String> names = header.stream().map(h -> h == null ? "" : h.strip()).toList();
        int last = names.size() - 1;
        while (last >= 0 && names.get(last).isEmpty()) {
            last--; // spreadsheets often save empty trailing header cells
        }
        names = names.subList(0, last + 1);
        if (names.isEmpty()) {
            throw new OrderFileException("No header row: the first line must name the columns, e.g. "
                    + String.join(",", RequestFields.NAMES));
        }
        int[] fields = new int[names.size()];
        List<String> unknown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int known = 0;
        for (int i = 0; i < names.size(); i++) {
            String canonical = RequestFields.canonical(names.get(i));
            if (canonical == null) {
                fields[i] = -1;
                unknown.add(names.get(i));
                continue;
            }
            known++;
            fields[i] = RequestFields.NAMES.indexOf(canonical);
            if (!seen.add(canonical)) {
                problems.add("column '" + canonical + "' appears twice");
            }
        }
        if (known == 0) {
            throw new OrderFileException("No header row: the first line must name the columns (" 
                    + String.join(", ", RequestFields.NAMES) + "); it reads '" + String.join(",", names) + "'");
        }
        for (String u : unknown) {
            String hint = u.isEmpty() ? null : RequestFields.nearest(u);
            problems.add(u.isEmpty() ? "a column has no name" : "unknown column '" + u + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        Set<String> missing = new TreeSet<>(RequestFields.REQUIRED);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            problems.add("required column(s) missing: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new OrderFileException("Header: " + String.join("; ", problems) + ". Known columns: "
                    + String.join(", ", RequestFields.NAMES));
        }
        return new RequestColumns(List.copyOf(names), fields, decimalComma);
    }

    List<String> names() {
        return columns;
    }

    int size() {
        return fieldOfColumn.length;
    }

    /** The request a row of cells makes, or the errors that stop it being one. Null cells are empty cells. */
    OrderLine toLine(long number, String[] cells) {
        if (cells.length > fieldOfColumn.length) {
            boolean extraValues = false;
            for (int i = fieldOfColumn.length; i < cells.length; i++) {
                extraValues |= cells[i] != null && !cells[i].isBlank();
            }
            if (extraValues) {
                return OrderLine.unreadable(number, referenceOf(cells), List.of(new LineError(LineError.WHOLE_LINE,
                        "the line has " + cells.length + " values but the header has " + fieldOfColumn.length
                                + " columns (a separator inside a value must be quoted)")));
            }
        }
        String[] values = new String[RequestFields.NAMES.size()];
        List<LineError> errors = null;
        for (int i = 0; i < fieldOfColumn.length && i < cells.length; i++) {
            String cell = cells[i];
            if (cell == null) {
                continue;
            }
            String value = cell.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.indexOf('\uFFFD') >= 0) {
                errors = add(errors, columns.get(i), "is not valid UTF-8 text (save the file as UTF-8)");
                continue;
            }
            values[fieldOfColumn[i]] = value;
        }
        // Typed by the request record itself, so a field added to CheckRequest is read from order files too.
        Object[] args = new Object[values.length];
        for (int f = 0; f < values.length; f++) {
            String text = values[f];
            if (text == null) {
                continue;
            }
            Class<?> type = FIELD_TYPES[f];
            if (type == BigDecimal.class) {
                args[f] = number(values, f);
                if (args[f] == null) {
                    errors = add(errors, RequestFields.NAMES.get(f), numberReason(text));
                }
            } else if (type == Integer.class) {
                args[f] = whole(text);
                if (args[f] == null) {
                    errors = add(errors, RequestFields.NAMES.get(f), "must be a whole number (got '" + shorten(text) + "')");
                }
            } else if (type == Boolean.class) {
                args[f] = bool(text);
                if (args[f] == null) {
                    errors = add(errors, RequestFields.NAMES.get(f), "must be true or false (got '" + shorten(text) + "')");
                }
            } else {
                args[f] = text;
            }
        }
        if (errors != null) {
            return OrderLine.unreadable(number, values[REFERENCE], errors);
        }
        try {
            return OrderLine.of(number, CANONICAL.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a CheckRequest", e);
        }
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String referenceOf(String[] cells) {
        for (int i = 0; i < fieldOfColumn.length; i++) {
            if (fieldOfColumn[i] == REFERENCE && cells[i] != null && !cells[i].isBlank()) {
                return cells[i].strip();
            }
        }
        return null;
    }

    private BigDecimal number(String[] values, int field) {
        String text = values[field];
        if (text == null) {
            return null;
        }
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (decimalComma && DECIMAL_COMMA.matcher(text).matches()) {
            return new BigDecimal(text.replace(',', '.'));
        }
        return null;
    }

    private String numberReason(String text) {
        return "must be a plain number such as 10000 or 12.5" + (decimalComma ? " (or 12,5)" : "")
                + ", without thousands separators or currency (got '" + shorten(text) + "')";
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static List<LineError> add(List<LineError> errors, String column, String reason) {
        List<LineError> list = errors == null ? new ArrayList<>(2) : errors;
        list.add(new LineError(column, reason));
        return list;
    }

    @Override
    public String toString() {
        return "RequestColumns" + Arrays.toString(columns.toArray());
    }
}
