package io.tradecheck.productlists;

import io.tradecheck.engine.ProductList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The entries of one list while it is built: prefixes with optional dates, kept unique and in a fixed order (prefix,
 * then from date) so the written file depends on the data only.
 */
final class ListEntries {
    private static final Comparator<ProductList.Entry> ORDER = Comparator.comparing(ProductList.Entry::hsPrefix)
            .thenComparing(ProductList.Entry::from, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProductList.Entry::to, Comparator.nullsLast(Comparator.naturalOrder()));
    private final TreeSet<ProductList.Entry> entries = new TreeSet<>(ORDER);

    void add(String prefix, LocalDate from, LocalDate to) {
        String digits = Objects.requireNonNull(prefix).replaceAll("[^0-9]", "");
        if (digits.length() == 7 || digits.length() == 9) {
            digits = "0" + digits; // a leading zero lost by a spreadsheet (e.g. 2011005 for 0201.10.05)
        }
        entries.add(new ProductList.Entry(digits, from, to, 0));
    }

    void add(String prefix) {
        add(prefix, null, null);
    }

    boolean remove(String prefix) {
        return entries.removeIf(e -> e.hsPrefix().equals(prefix));
    }

    boolean contains(String prefix) {
        return entries.stream().anyMatch(e -> e.hsPrefix().equals(prefix));
    }

    List<ProductList.Entry> list() {
        return new ArrayList<>(entries);
    }

    /** Ends every entry covered by {@code prefix} (equal or longer) the day before {@code day}, unless it ends earlier. */
    void endCovered(String prefix, LocalDate day) {
        List<ProductList.Entry> changed = new ArrayList<>();
        entries.removeIf(e -> {
            if (e.hsPrefix().startsWith(prefix) && (e.to() == null || !e.to().isBefore(day))) {
                changed.add(new ProductList.Entry(e.hsPrefix(), e.from(), day.minusDays(1), 0));
                return true;
            }
            return false;
        });
        entries.addAll(changed);
    }

    static LocalDate date(String value) {
        return value == null || value.isBlank() || value.equals("NA") ? null : LocalDate.parse(value.trim());
    }
}
