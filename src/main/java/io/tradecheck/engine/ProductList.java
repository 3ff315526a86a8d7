package io.tradecheck.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal product list (rules/lists/): the HS prefixes a measure names in its legal text, e.g. Section 301 List 3 or
 * Annex II of EO 14257. A table row names the list in its {@code hsList} column instead of repeating the prefixes.
 *
 * @param id         the list id, also the file name: {@code lists/<id>.csv}
 * @param provenance the source file(s) under shared/data with their sha256, as the generator read them
 * @param generator  the command that rebuilds the list
 * @param entries    the prefixes, each with the days it is on the list
 */
public record ProductList(String id, String title, String legalBasis, String chapter99, String source, String provenance,
                          String generator, List<Entry> entries) {

    /**
     * One prefix of the list. {@code from}/{@code to} (both inclusive, null = open) narrow the days the prefix is on
     * the list, for entries added or removed after the list first took effect; the row's own window still applies.
     */
    public record Entry(String hsPrefix, LocalDate from, LocalDate to, int line) {
    }

    public String file() {
        return ProductListsReader.FOLDER + id + ".csv";
    }
}
