package io.tradecheck.schedule;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One row of the USITC schedule over the dates it stood unchanged: a numbered line ("0101.21.00.10") or a text
 * header ("Horses:"), which has no number of its own and is kept under the number of the line that follows it.
 * Rates sit where USITC puts them (on the 8-digit line, or the merged 8/10-digit line); the {@link TariffSchedule}
 * resolves what a 10-digit line inherits.
 *
 * @param code   the line's number as USITC writes it; for a header, the number of the next numbered line
 * @param header true for a text header (USITC's empty htsno)
 * @param to     last day in force, inclusive; null while in force in the latest imported revision
 */
public record HtsRow(String code, boolean header, int indent, LocalDate from, LocalDate to, Content content) {

    /** What a revision says about the row; two revisions saying the same thing make one interval. */
    public record Content(String description, String units, String general, String special, String other,
                          String ch99) {
    }

    /**
     * Schedule order: by number; before a line, the headers printed above it, outermost first; then by date. USITC
     * puts the dots of every number in the same places, so the dotted numbers sort as their digits do.
     */
    public static final Comparator<HtsRow> ORDER = Comparator
            .comparing(HtsRow::code)
            .thenComparing(r -> !r.header())
            .thenComparingInt(HtsRow::indent)
            .thenComparing(HtsRow::from);

    public String digits() {
        return digits(code);
    }

    /** The identity of a row across revisions: its number, whether it is a header, and (for a header) its indent. */
    public String key() {
        return header ? code + "#" + indent : code;
    }

    public HtsRow closedOn(LocalDate last) {
        return new HtsRow(code, header, indent, from, last, content);
    }

    public boolean inForce(LocalDate date) {
        return !from.isAfter(date) && (to == null || !to.isBefore(date));
    }

    static String digits(String code) {
        return code.replace(".", "");
    }
}
