package io.tradecheck.schedule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An 8- or 10-digit line of the tariff schedule as it stood over one interval, with what it inherits resolved: the
 * description path from the heading down, and the rates of the line they are stated on (a 10-digit statistical line
 * pays the rates of its 8-digit subheading).
 *
 * @param code            as USITC writes it, "6109.10.00.12"
 * @param revision        the revision in force on {@code from}, "2025_rev_12"
 * @param to              last day in force, inclusive; null while in force in the latest revision imported
 * @param descriptionPath the line's description and those of the headings and text headers above it, outermost first
 * @param rateLine        the line whose rates apply ({@code code} itself for an 8-digit line)
 * @param ch99            Chapter 99 headings and U.S. notes its footnotes (or those of the lines above it) point to
 */
public record HtsLine(String code, LocalDate from, LocalDate to, String revision, List<String> descriptionPath,
                      String units, String rateLine, String general, String special, String other,
                      DutyRate generalRate, List<String> ch99) {

    /** The description path as one text, outermost first. */
    public String description() {
        return String.join(" > ", descriptionPath);
    }

    @JsonIgnore
    public String digits() {
        return code.replace(".", "");
    }

    /** The special ("Free (A,AU,...)") column as groups by programme. */
    @JsonIgnore
    public Map<String, SpecialRates.Preference> specialRates() {
        return SpecialRates.parse(special);
    }

    public boolean inForce(LocalDate date) {
        return !from.isAfter(date) && (to == null || !to.isBefore(date));
    }

    /** The same line over a longer interval (the next revision states it the same way). */
    HtsLine until(LocalDate last) {
        return new HtsLine(code, from, last, revision, descriptionPath, units, rateLine, general, special, other,
                generalRate, ch99);
    }

    boolean sameAs(HtsLine o) {
        return descriptionPath.equals(o.descriptionPath) && units.equals(o.units) && rateLine.equals(o.rateLine)
                && general.equals(o.general) && special.equals(o.special) && other.equals(o.other) && ch99.equals(o.ch99);
    }
}
