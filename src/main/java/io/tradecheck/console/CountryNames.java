package io.tradecheck.console;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** ISO 3166-1 alpha-2 codes with their English names (from the JDK's locale data), sorted by name, for the forms. */
public final class CountryNames {
    public record Country(String code, String name) {
    }

    private static final List<Country> ALL = Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    private CountryNames() {
    }

    public static List<Country> all() {
        return ALL;
    }

    /** "China (CN)", or the code itself when unknown. */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code.trim().toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code.toUpperCase(Locale.ROOT) + ")";
    }
}
