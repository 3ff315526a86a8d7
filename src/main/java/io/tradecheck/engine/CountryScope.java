package io.tradecheck.engine;

import java.util.List;
import java.util.Set;

/**
 * Where a table row applies, as written in a country column: blank or {@code *} for any country, a list of codes or
 * group names ({@code CN HK}, {@code EU}), and exclusions after {@code !} ({@code * !CA !MX}). Groups are expanded.
 *
 * @param included countries named (empty: any country)
 * @param excluded countries taken out
 */
public record CountryScope(List<String> included, Set<String> excluded) {
    public static final CountryScope ANY = new CountryScope(List.of(), Set.of());

    public boolean isAny() {
        return included.isEmpty() && excluded.isEmpty();
    }

    public boolean isSpecific() {
        return !included.isEmpty();
    }
}
