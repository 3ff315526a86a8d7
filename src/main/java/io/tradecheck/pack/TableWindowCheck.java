package io.tradecheck.pack;

import io.tradecheck.engine.CountryScope;
import io.tradecheck.engine.MeasureRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Checks the date windows of the rows of one measure across the whole pack. Rows with the same measure id and the
 * same scope (family, kind, origin, export country, destination, HS prefix, ECCN, claim) describe the same measure over time:
 * <ul>
 *   <li>two such windows that overlap are an error: on the shared days the measure would apply twice, or at two
 *   rates, and which one wins would depend on the order of the rows;</li>
 *   <li>a gap between two consecutive windows is a warning: usually a typo in a date, sometimes real (a measure
 *   lapsed and came back). A specialist acknowledges a real gap with a comment line in any table:
 *   {@code # gap-ok: US-RECIPROCAL-CN 2025-05-14} (the first day of the gap) or {@code # gap-ok: US-RECIPROCAL-CN}
 *   (every gap of that measure).</li>
 * </ul>
 */
public final class TableWindowCheck {

    /** Errors (overlaps) and warnings (gaps not acknowledged), each at the row that starts the later window. */
    public record Result(List<RulePackProblem> overlaps, List<RulePackProblem> gaps) {
    }

    private TableWindowCheck() {
    }

    public static Result check(List<MeasureRow> rows, GapAcknowledgements acknowledged) {
        Map<Scope, List<MeasureRow>> byScope = new LinkedHashMap<>();
        for (MeasureRow row : rows) {
            byScope.computeIfAbsent(Scope.of(row), k -> new ArrayList<>()).add(row);
        }
        List<RulePackProblem> overlaps = new ArrayList<>();
        List<RulePackProblem> gaps = new ArrayList<>();
        for (Map.Entry<Scope, List<MeasureRow>> entry : byScope.entrySet()) {
            List<MeasureRow> windows = entry.getValue();
            if (windows.size() < 2) {
                continue;
            }
            windows.sort(Comparator.comparing(MeasureRow::from).thenComparing(MeasureRow::file)
                    .thenComparingInt(MeasureRow::line));
            // The window reaching furthest so far: an overlap can be with any earlier row, not just the previous one.
            MeasureRow reach = windows.get(0);
            for (MeasureRow next : windows.subList(1, windows.size())) {
                if (reach.to() == null || !next.from().isAfter(reach.to())) {
                    overlaps.add(new RulePackProblem(next.file(), next.line(), "from",
                            next.measureId() + " " + window(next) + " overlaps " + window(reach) + " at "
                                    + reach.location() + " for the same measure and scope (" + entry.getKey()
                                    + "); end the earlier row the day before this one starts"));
                } else if (next.from().isAfter(reach.to().plusDays(1))) {
                    LocalDate gapFrom = reach.to().plusDays(1);
                    LocalDate gapTo = next.from().minusDays(1);
                    if (!acknowledged.covers(next.measureId(), gapFrom, gapTo)
                            && !filledByFamily(rows, next, gapFrom, gapTo)) {
                        gaps.add(new RulePackProblem(next.file(), next.line(), "from",
                                "gap: no row of " + next.measureId() + " for the same scope from " + gapFrom + " to "
                                        + gapTo + " (the previous window ends at " + reach.location() + "); if the "
                                        + "measure really lapsed, add the line '# gap-ok: " + next.measureId() + " "
                                        + gapFrom + "' to the table"));
                    }
                }
                if (reach.to() != null && (next.to() == null || next.to().isAfter(reach.to()))) {
                    reach = next;
                }
            }
        }
        return new Result(overlaps, gaps);
    }

    /**
     * A gap that other rows of the same family and place fill day for day is meant: a ban suspended by a NOTICE row,
     * a tariff paused by a PAUSED_TARIFF row, then back again.
     */
    private static boolean filledByFamily(List<MeasureRow> rows, MeasureRow row, LocalDate gapFrom, LocalDate gapTo) {
        Place place = Place.of(row);
        List<MeasureRow> fillers = rows.stream()
                .filter(r -> !r.measureId().equals(row.measureId()) && r.family().equals(row.family())
                        && Place.of(r).equals(place))
                .sorted(Comparator.comparing(MeasureRow::from)).toList();
        LocalDate uncovered = gapFrom;
        for (MeasureRow r : fillers) {
            if (r.from().isAfter(uncovered)) {
                break;
            }
            if (r.to() == null || !r.to().isBefore(gapTo)) {
                return true;
            }
            if (!r.to().isBefore(uncovered)) {
                uncovered = r.to().plusDays(1);
            }
        }
        return false;
    }

    private static String window(MeasureRow row) {
        return "[" + row.from() + " .. " + (row.to() == null ? "open" : row.to()) + "]";
    }

    /** Where a row applies, whatever its measure and kind. */
    private record Place(Object origin, Object exportCountry, Object destination, String hsPrefix, String eccn,
                         String claim) {
        static Place of(MeasureRow r) {
            return new Place(Scope.key(r.origin()), Scope.key(r.exportCountry()), Scope.key(r.destination()),
                    r.hsPrefix(), r.eccn(), r.claim());
        }
    }

    /**
     * What makes two rows the same measure in the same place: everything but dates, rate and texts. The family is
     * part of it: one exemption (e.g. metal content of at most 15%) may lift several families, one row each.
     */
    private record Scope(String measureId, String family, Object kind, Object origin, Object exportCountry, Object destination,
                         String hsPrefix, String eccn, String claim) {
        static Scope of(MeasureRow r) {
            return new Scope(r.measureId(), r.family(), r.kind(), key(r.origin()), key(r.exportCountry()), key(r.destination()),
                    r.hsPrefix(), r.eccn(), r.claim());
        }

        static String key(CountryScope scope) {
            if (scope.isAny()) {
                return "*";
            }
            String in = scope.included().isEmpty() ? "*" : String.join(" ", new TreeSet<>(scope.included()));
            String out = scope.excluded().isEmpty() ? "" : " !" + String.join(" !", new TreeSet<>(scope.excluded()));
            return in + out;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            parts.add(String.valueOf(kind));
            parts.add("family " + family);
            if (!"*".equals(origin)) parts.add("origin " + origin);
            if (!"*".equals(exportCountry)) parts.add("exportCountry " + exportCountry);
            if (!"*".equals(destination)) parts.add("destination " + destination);
            if (!hsPrefix.isEmpty()) parts.add("hsPrefix " + hsPrefix);
            if (eccn != null) parts.add("eccn " + eccn);
            if (claim != null) parts.add("claim " + claim);
            return String.join(", ", parts.stream().filter(Objects::nonNull).toList());
        }
    }
}
