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
}
