package io.tradecheck.schedule;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Special" column of an HTS line read as groups, each a rate and the programmes it applies to:
 * {@code "Free (A,AU,BH,...) 7.2% (E) See 9822.04.40 (AU)"}. Programme symbols are those of General Note 3(c)(i)
 * ("S" USMCA, "KR" Korea, "AU" Australia, "A"/"A+"/"A*" GSP ...). A "See 9822.04.40" group names a Chapter 98/99
 * provision instead of a rate, which the decision reports as not computable.
 */
public final class SpecialRates {
    private static final Pattern GROUP = Pattern.compile("([^()]+?)\\s*\\(([^)]*)\\)");

    /** The rate a programme gives on one line; {@code rate} is not computable when the group is a "See ..." reference. */
    public record Preference(String programme, DutyRate rate) {
    }

    private SpecialRates() {
    }

    public static Map<String, Preference> parse(String special) {
        Map<String, Preference> byProgramme = new LinkedHashMap<>();
        if (special == null || special.isBlank()) {
            return byProgramme;
        }
        Matcher m = GROUP.matcher(special);
        while (m.find()) {
            DutyRate rate = DutyRate.parse(m.group(1).strip());
            for (String code : m.group(2).split(",")) {
                String programme = code.strip().toUpperCase(Locale.ROOT);
                if (!programme.isEmpty()) {
                    byProgramme.putIfAbsent(programme, new Preference(programme, rate));
                }
            }
        }
        return byProgramme;
    }

    /**
     * The preference a programme gives, matching "A" to "A*" (the asterisk marks countries excluded from the
     * programme for this line; the caller is told) but not to "A+" (a programme of its own).
     */
    public static Preference find(Map<String, Preference> groups, String programme) {
        String p = programme.strip().toUpperCase(Locale.ROOT);
        Preference exact = groups.get(p);
        return exact != null ? exact : groups.get(p + "*");
    }
}
