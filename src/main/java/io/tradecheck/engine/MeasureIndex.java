package io.tradecheck.engine;

import io.tradecheck.model.Shipment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the table rows that match a shipment by hash lookups, never by a scan of the table: rows are filed under their
 * HS prefix, then each origin they name (or "any"), then each destination they name (or "any"). A shipment looks up
 * at most 6 prefixes (all goods, chapter, heading, subheading, 8 and 10 digits) x 2 origins x 2 destinations, then
 * tests the few rows found against the rest of their scope: exclusions, exporting country, ECCN, claim and date window.
 * The cost of a check grows with the rows filed under the shipment's own keys, not with the size of the tables.
 * A row that names a product list ({@code hsList}) is filed under each entry's prefix, with the entry's own dates
 * narrowing the row's window, so a list of 6,000 prefixes costs the same lookups as a row with one prefix.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class MeasureIndex {
    private static final String ANY = "*";

    private final MeasureRows rows;
    private final Map<String, Map<String, Map<String, Candidate[]>>> byPrefix;

    public MeasureIndex(MeasureRows rows) {
        this.rows = rows;
        Map<String, Map<String, Map<String, List<Candidate>>>> building = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MeasureRow row = rows.get(i);
            if (row.hsList() == null) {
                file(building, row.hsPrefix(), new Candidate(row, i, row.hsPrefix(), null, null));
                continue;
            }
            ProductList list = rows.lists().get(row.hsList());
            if (list == null) {
                throw new IllegalArgumentException(row.location() + ": unknown product list '" + row.hsList() + "'");
            }
            for (ProductList.Entry entry : list.entries()) {
                Candidate candidate = new Candidate(row, i, entry.hsPrefix(), entry.from(), entry.to());
                if (candidate.fromDay <= candidate.toDay) {
                    file(building, entry.hsPrefix(), candidate);
                }
            }
        }
        Map<String, Map<String, Map<String, Candidate[]>>> frozen = new HashMap<>();
        building.forEach((prefix, byOrigin) -> {
            Map<String, Map<String, Candidate[]>> origins = new HashMap<>();
            byOrigin.forEach((origin, byDestination) -> {
                Map<String, Candidate[]> destinations = new HashMap<>();
                byDestination.forEach((destination, list) -> destinations.put(destination, list.toArray(Candidate[]::new)));
                origins.put(origin, Map.copyOf(destinations));
            });
            frozen.put(prefix, Map.copyOf(origins));
        });
        this.byPrefix = Map.copyOf(frozen);
    }

    private static void file(Map<String, Map<String, Map<String, List<Candidate>>>> building, String prefix, Candidate candidate) {
        for (String origin : keys(candidate.row.origin())) {
            for (String destination : keys(candidate.row.destination())) {
                building.computeIfAbsent(prefix, k -> new HashMap<>())
                        .computeIfAbsent(origin, k -> new HashMap<>())
                        .computeIfAbsent(destination, k -> new ArrayList<>())
                        .add(candidate);
            }
        }
    }

    /** The rows in force for this shipment on its entry date, each as a {@link MeasureHit}, in table order. */
    public List<MeasureHit> match(Shipment shipment) {
        List<MeasureHit> hits = new ArrayList<>(8);
        collect(shipment, "", hits);
        collect(shipment, shipment.getHs2(), hits);
        collect(shipment, shipment.getHs4(), hits);
        collect(shipment, shipment.getHs6(), hits);
        collect(shipment, shipment.getHs8(), hits);
        collect(shipment, shipment.getHs10(), hits);
        if (hits.size() > 1) {
            // A list may hold a heading and a subheading under it: the row matches once, on the longer (later) prefix.
            hits.sort((a, b) -> a.getIndex() != b.getIndex() ? Integer.compare(a.getIndex(), b.getIndex())
                    : Integer.compare(b.getHsPrefix().length(), a.getHsPrefix().length()));
            for (int i = hits.size() - 1; i > 0; i--) {
                if (hits.get(i).getIndex() == hits.get(i - 1).getIndex()) {
                    hits.remove(i);
                }
            }
        }
        return hits;
    }

    /**
     * The rows whose scope (goods, countries, ECCN, claim) covers this shipment on any date, each with the window in
     * which it applies to these goods (a list entry's own dates narrow its row's), in table order: what the
     * {@link UpcomingChanges} read the coming changes from. The same hash lookups as {@link #match}.
     */
    public List<Window> inScopeOnAnyDate(Shipment shipment) {
        List<Window> windows = new ArrayList<>(16);
        String[] prefixes = {"", shipment.getHs2(), shipment.getHs4(), shipment.getHs6(), shipment.getHs8(),
                shipment.getHs10()};
        for (String prefix : prefixes) {
            collect(shipment, prefix, null, windows);
        }
        windows.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return windows;
    }

    /**
     * A row and the dates (inclusive; {@code to} null when open) in which it applies to the goods looked up, matched on
     * {@code prefix} (a list row: the list entry's prefix).
     */
    public record Window(MeasureRow row, int index, String prefix, LocalDate from, LocalDate to) {
        /** As {@link MeasureHit#getSpecificity()}. */
        public int specificity() {
            return row.specificity(prefix.length());
        }
    }

    public MeasureRows rows() {
        return rows;
    }

    private void collect(Shipment shipment, String prefix, List<MeasureHit> hits) {
        collect(shipment, prefix, hits, null);
    }

    /** With {@code windows} null: the rows in force on the entry date, into hits; otherwise: in scope on any date. */
    private void collect(Shipment shipment, String prefix, List<MeasureHit> hits, List<Window> windows) {
        if (prefix == null) {
            return;
        }
        Map<String, Map<String, Candidate[]>> byOrigin = byPrefix.get(prefix);
        if (byOrigin == null) {
            return;
        }
        collect(shipment, byOrigin.get(ANY), hits, windows);
        String origin = shipment.getOrigin();
        if (origin != null) {
            collect(shipment, byOrigin.get(origin), hits, windows);
        }
    }

    private void collect(Shipment shipment, Map<String, Candidate[]> byDestination, List<MeasureHit> hits,
                         List<Window> windows) {
        if (byDestination == null) {
            return;
        }
        collect(shipment, byDestination.get(ANY), hits, windows);
        String destination = shipment.getDestination();
        if (destination != null) {
            collect(shipment, byDestination.get(destination), hits, windows);
        }
    }

    private void collect(Shipment shipment, Candidate[] candidates, List<MeasureHit> hits, List<Window> windows) {
        if (candidates == null) {
            return;
        }
        for (Candidate candidate : candidates) {
            if (windows != null) {
                if (candidate.inScope(shipment)) {
                    windows.add(candidate.window());
                }
            } else if (candidate.matches(shipment)) {
                hits.add(new MeasureHit(candidate.row, candidate.index, candidate.prefix));
            }
        }
    }

    private static List<String> keys(CountryScope scope) {
        return scope.included().isEmpty() ? List.of(ANY) : scope.included();
    }

    /** A row as the index tests it: the parts of its scope that the hash keys do not already settle. */
    private static final class Candidate {
        final MeasureRow row;
        final int index;
        final String prefix;
        final int fromDay;
        final int toDay;
        final Set<String> originExcluded;
        final Set<String> destinationExcluded;
        final CountryScope exportCountry;
        final String eccn;
        final Predicate<Shipment> claim;

        /** {@code entryFrom}/{@code entryTo}: a list entry's own dates (null = open), which narrow the row's window. */
        Candidate(MeasureRow row, int index, String prefix, java.time.LocalDate entryFrom, java.time.LocalDate entryTo) {
            this.row = row;
            this.index = index;
            this.prefix = prefix;
            int from = (int) row.from().toEpochDay();
            int to = row.to() == null ? Integer.MAX_VALUE : (int) row.to().toEpochDay();
            this.fromDay = entryFrom == null ? from : Math.max(from, (int) entryFrom.toEpochDay());
            this.toDay = entryTo == null ? to : Math.min(to, (int) entryTo.toEpochDay());
            this.originExcluded = row.origin().excluded();
            this.destinationExcluded = row.destination().excluded();
            this.exportCountry = row.exportCountry().isAny() ? null : row.exportCountry();
            this.eccn = row.eccn();
            this.claim = row.claim() == null ? null : ShipmentClaims.get(row.claim());
        }

        boolean matches(Shipment s) {
            int day = s.getEntryDay();
            if (day < fromDay || day > toDay) {
                return false;
            }
            return inScope(s);
        }

        Window window() {
            return new Window(row, index, prefix, LocalDate.ofEpochDay(fromDay),
                    toDay == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(toDay));
        }

        /** Everything but the date window. */
        boolean inScope(Shipment s) {
            if (!originExcluded.isEmpty() && s.getOrigin() != null && originExcluded.contains(s.getOrigin())) {
                return false;
            }
            if (!destinationExcluded.isEmpty() && s.getDestination() != null
                    && destinationExcluded.contains(s.getDestination())) {
                return false;
            }
            if (exportCountry != null && !inScope(exportCountry, s.getExportCountry())) {
                return false;
            }
            if (eccn != null && !eccn.equals(s.getEccn())) {
                return false;
            }
            return claim == null || claim.test(s);
        }

        private static boolean inScope(CountryScope scope, String country) {
            if (!scope.included().isEmpty() && !scope.included().contains(country)) {
                return false;
            }
            return country == null || !scope.excluded().contains(country);
        }
    }
}
