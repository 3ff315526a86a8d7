package io.tradecheck.engine;

import io.tradecheck.model.FindingKind;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a measure table, parsed and checked. A row says: for shipments in this scope (countries, goods, claim)
 * entered between {@code from} and {@code to} (both inclusive, {@code to} null when open), this measure of this
 * family applies as {@code kind}.
 *
 * @param family      the stacking family; an EXEMPTION row names the family it exempts
 * @param hsPrefix    digits only; empty for all goods (and for a row that names a list)
 * @param hsList      id of a product list (rules/lists/) whose entries give the goods instead of {@code hsPrefix}; null for none
 * @param claim       a declaration the shipment must make (e.g. {@code usmcaQualifying}); null for none
 * @param allInRate   TARIFF only, instead of rate: the total (MFN + additional) the measure caps the duty at, so the
 *                    additional rate is max(0, allInRate - MFN rate) (the EU, Japan and Switzerland deals)
 * @param basis       what the rate is charged on: null for the customs value, {@link #METAL_CONTENT} for the metal share
 * @param resumesOn   PAUSED_TARIFF only: when the suspended rate would apply again (default: the day after {@code to})
 * @param file        rules-relative path of the table, for errors and coverage
 * @param line        line of the row in that file
 */
public record MeasureRow(
        String measureId,
        String family,
        FindingKind kind,
        CountryScope origin,
        CountryScope exportCountry,
        CountryScope destination,
        String hsPrefix,
        String hsList,
        String eccn,
        String claim,
        BigDecimal rate,
        BigDecimal allInRate,
        String basis,
        String chapter99,
        LocalDate from,
        LocalDate to,
        LocalDate resumesOn,
        String title,
        String legalBasis,
        String source,
        String explanation,
        String file,
        int line) {

    /** Basis of the Section 232 metal duties from 4 Jun 2025: the steel, aluminium or copper content of the goods. */
    public static final String METAL_CONTENT = "metalContent";

    /**
     * How narrowly the row picks its goods and countries. Within a family, the most specific tariff row applies in
     * lieu of the others (a rate for named countries replaces the baseline for all; Canada's energy rate replaces its general rate).
     */
    public int specificity() {
        return specificity(hsPrefix.length());
    }

    /** As {@link #specificity()}, for goods matched on a prefix of this length (a list row: the list entry's prefix). */
    public int specificity(int prefixLength) {
        int countries = (origin.isSpecific() ? 2 : 0) + (exportCountry.isSpecific() ? 2 : 0) + (destination.isSpecific() ? 2 : 0);
        return prefixLength * 10 + (eccn != null ? 100 : 0) + countries + (claim != null ? 1 : 0);
    }

    /** For a pause: the first day the suspended rate would apply again. */
    public LocalDate resumptionDate() {
        if (resumesOn != null) {
            return resumesOn;
        }
        return to == null ? null : to.plusDays(1);
    }

    public String location() {
        return file + ":" + line;
    }
}
