package io.tradecheck.productlists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the HTSUS chapter 99 U.S. notes (shared/data/product-lists/us-notes/chapter99_2026_rev_6.txt), for the
 * lists printed in a note's subdivision, e.g. note 33(b) (autos) or note 37(b) (softwood lumber): the HTS provisions
 * (4 to 10 digits, however dotted) between the line that opens the subdivision and the line that opens the next.
 */
final class UsNoteText {
    private static final Pattern PROVISION = Pattern.compile("(?<![\\d.])(\\d{4}\\.\\d{2}(?:\\.\\d{2}(?:\\.?\\d{2})?|\\.\\d{4})?)(?![\\d])");

    private final List<String> lines;

    UsNoteText(List<String> lines) {
        this.lines = lines;
    }

    /**
     * The provisions of the subdivision starting at the first line that begins with {@code opening} and ending before
     * the next line that begins with {@code next}; Chapter 99 headings are left out.
     */
    Set<String> provisions(String opening, String next) {
        int start = find(opening, 0);
        int end = find(next, start + 1);
        Set<String> codes = new LinkedHashSet<>();
        for (String line : lines.subList(start, end)) {
            Matcher m = PROVISION.matcher(line);
            while (m.find()) {
                String digits = m.group(1).replace(".", "");
                if (!digits.startsWith("99")) {
                    codes.add(digits);
                }
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("no HTS provisions in the note text from '" + opening + "' to '" + next + "'");
        }
        return codes;
    }

    private static final Pattern COLUMN_CODE = Pattern.compile("\\d{4}(\\.\\d{2}(\\.(\\d{2}|\\d{4}))?)?");

    /**
     * The provisions of a subdivision printed as a table of columns, where bare headings ("8471") and subheadings
     * ("8507.60") appear too: every code of the lines made only of codes, in reading order; prose and page headers
     * (which hold other words) are skipped. Chapter 99 headings are left out.
     */
    Set<String> columnProvisions(String opening, String next) {
        Set<String> codes = new LinkedHashSet<>();
        for (String line : between(opening, next)) {
            String[] tokens = line.trim().split("\\s+");
            if (line.isBlank() || !java.util.Arrays.stream(tokens).allMatch(t -> COLUMN_CODE.matcher(t).matches())) {
                continue;
            }
            for (String t : tokens) {
                if (!t.startsWith("99")) {
                    codes.add(t.replace(".", ""));
                }
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("no columns of HTS provisions in the note text from '" + opening + "' to '" + next + "'");
        }
        return codes;
    }

    /** The lines from the first that begins with {@code opening} up to (not including) the next that begins with {@code next}. */
    List<String> between(String opening, String next) {
        int start = find(opening, 0);
        return lines.subList(start, find(next, start + 1));
    }

    private int find(String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("note text has no line starting '" + prefix + "' (after line " + from + ")");
    }

    static List<String> trimmed(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        raw.forEach(l -> out.add(l.trim()));
        return out;
    }

    /** A set of provisions (digits only) with the prefix questions the generator asks of it. */
    record Provisions(Set<String> codes) {
        /** The provisions under {@code prefix} that are longer than it. */
        Set<String> strictlyUnder(String prefix) {
            Set<String> under = new java.util.TreeSet<>();
            codes.stream().filter(c -> c.length() > prefix.length() && c.startsWith(prefix)).forEach(under::add);
            return under;
        }

        /** A provision equal to {@code code} or a prefix of it, or null. */
        String covering(String code) {
            return codes.stream().filter(code::startsWith).findFirst().orElse(null);
        }
    }
}
