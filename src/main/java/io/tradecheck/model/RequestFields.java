package io.tradecheck.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field names of a {@link CheckRequest}, which are also the JSON keys and the column names of order files, and
 * the nearest known name for a typo ({@code orgin} means {@code originCountry}), so no misspelt field passes silently.
 */
public final class RequestFields {
    /** In declaration order: the order of the columns in the example order file. */
    public static final List<String> NAMES = Arrays.stream(CheckRequest.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** The fields a request cannot do without (read from the constraints, so the list cannot drift from them). */
    public static final Set<String> REQUIRED = Arrays.stream(CheckRequest.class.getDeclaredFields())
            .filter(f -> f.isAnnotationPresent(NotBlank.class) || f.isAnnotationPresent(NotNull.class))
            .map(java.lang.reflect.Field::getName)
            .collect(Collectors.toUnmodifiableSet());

    private RequestFields() {
    }

    /** The known name spelt like {@code name} except for case and surrounding spaces, or null. */
    public static String canonical(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        for (String known : NAMES) {
            if (known.equalsIgnoreCase(trimmed)) {
                return known;
            }
        }
        return null;
    }

    /** The known field closest to a typo, if it is close enough to be what was meant. */
    public static String nearest(String typo) {
        String t = typo.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : NAMES) {
            String k = known.toLowerCase(Locale.ROOT);
            int d = distance(t, k);
            if (t.length() >= 4 && t.length() < k.length()) {
                // A misspelt abbreviation ("orgin" for originCountry) is close to the start of the name.
                d = Math.min(d, distance(t, k.substring(0, t.length())));
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, t.length() / 3)
                || (best != null && !t.isEmpty() && best.toLowerCase(Locale.ROOT).startsWith(t)) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
