package io.tradecheck.engine;

import io.tradecheck.model.Shipment;
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
            Candidate candidate = new Candidate(row, i);
            for (String origin : keys(row.origin())) {
                for (String destination : keys(row.destination())) {
                    building.computeIfAbsent(row.hsPrefix(), k -> new HashMap<>())
                            .computeIfAbsent(origin, k -> new HashMap<>())
                            .computeIfAbsent(destination, k -> new ArrayList<>())
                            .add(candidate);
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
            hits.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        }
        return hits;
    }

    /**
     * The rows whose scope (goods, countries, ECCN, claim) covers this shipment on any date, in table order: what the
     * {@link UpcomingChanges} read the coming date windows from. The same hash lookups as {@link #match}.
     */
    public List<MeasureRow> inScopeOnAnyDate(Shipment shipment) {
        List<MeasureHit> hits = new ArrayList<>(16);
        String[] prefixes = {"", shipment.getHs2(), shipment.getHs4(), shipment.getHs6(), shipment.getHs8(),
                shipment.getHs10()};
        for (String prefix : prefixes) {
            collect(shipment, prefix, hits, false);
        }
        hits.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        List<MeasureRow> inScope = new ArrayList<>(hits.size());
        for (MeasureHit hit : hits) {
            inScope.add(hit.getRow());
        }
        return inScope;
    }

    public MeasureRows rows() {
        return rows;
    }

    private void collect(Shipment shipment, String prefix, List<MeasureHit> hits) {
        collect(shipment, prefix, hits, true);
    }

    private void collect(Shipment shipment, String prefix, List<MeasureHit> hits, boolean onEntryDate) {
        if (prefix == null) {
            return;
        }
        Map<String, Map<String, Candidate[]>> byOrigin = byPrefix.get(prefix);
        if (byOrigin == null) {
            return;
        }
        collect(shipment, byOrigin.get(ANY), hits, onEntryDate);
        String origin = shipment.getOrigin();
        if (origin != null) {
            collect(shipment, byOrigin.get(origin), hits, onEntryDate);
        }
    }

    private void collect(Shipment shipment, Map<String, Candidate[]> byDestination, List<MeasureHit> hits,
                         boolean onEntryDate) {
        if (byDestination == null) {
            return;
        }
        collect(shipment, byDestination.get(ANY), hits, onEntryDate);
        String destination = shipment.getDestination();
        if (destination != null) {
            collect(shipment, byDestination.get(destination), hits, onEntryDate);
        }
    }

    private void collect(Shipment shipment, Candidate[] candidates, List<MeasureHit> hits, boolean onEntryDate) {
        if (candidates == null) {
            return;
        }
        for (Candidate candidate : candidates) {
            if (onEntryDate ? candidate.matches(shipment) : candidate.inScope(shipment)) {
                hits.add(new MeasureHit(candidate.row, candidate.index));
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
        final int fromDay;
        final int toDay;
        final Set<String> originExcluded;
        final Set<String> destinationExcluded;
        final CountryScope exportCountry;
        final String eccn;
        final Predicate<Shipment> claim;

        Candidate(MeasureRow row, int index) {
            this.row = row;
            this.index = index;
            this.fromDay = (int) row.from().toEpochDay();
            this.toDay = row.to() == null ? Integer.MAX_VALUE : (int) row.to().toEpochDay();
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
