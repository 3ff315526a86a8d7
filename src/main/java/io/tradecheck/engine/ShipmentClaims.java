package io.tradecheck.engine;

import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The declarations a table row can require of a shipment, by the name a specialist writes in the {@code claim} column.
 * A row with a claim matches only shipments whose request makes it (or, for the {@code ...NotStated} claims, leaves the
 * field out, so that a control which needs the field can say so).
 */
public final class ShipmentClaims {
    private static final BigDecimal LOW_VALUE_USD = BigDecimal.valueOf(800);
    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);
    private static final BigDecimal RARE_EARTH_THRESHOLD = new BigDecimal("0.1");

    /** MOFCOM/GAC Ann. 18 of 2025: the seven medium and heavy rare earths (1C902-1C908). */
    private static final Set<String> ANN18_ELEMENTS = Set.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");
    /** MOFCOM/GAC Ann. 57 of 2025: five more rare earths (1C909-1C913). */
    private static final Set<String> ANN57_ELEMENTS = Set.of("Ho", "Er", "Tm", "Eu", "Yb");
    /** MOFCOM/GAC Ann. 23 of 2023. */
    private static final Set<String> GALLIUM_GERMANIUM = Set.of("Ga", "Ge");

    private static final Map<String, Predicate<Shipment>> CLAIMS = Map.ofEntries(
            Map.entry("usmcaQualifying", s -> Boolean.TRUE.equals(s.getUsmcaQualifying())),
            Map.entry("usmcaNotStated", s -> s.getUsmcaQualifying() == null),
            Map.entry("lowValue", s -> "USD".equals(s.getCurrency()) && s.getCustomsValue() != null
                    && s.getCustomsValue().compareTo(LOW_VALUE_USD) <= 0),
            Map.entry("metalContentAtMost15", s -> s.getMetalContentPercent() != null
                    && s.getMetalContentPercent().compareTo(FIFTEEN) <= 0),
            Map.entry("semiconductor232Covered", s -> Boolean.TRUE.equals(s.getSemiconductor232Covered())),
            Map.entry("semiconductor232NotStated", s -> s.getSemiconductor232Covered() == null),
            Map.entry("vehiclePartUse", s -> Boolean.TRUE.equals(s.getVehiclePartUse())),
            Map.entry("vehiclePartUseNotStated", s -> s.getVehiclePartUse() == null),
            Map.entry("listedPartyAffiliate", s -> Boolean.TRUE.equals(s.getEndUserOwnedByListedParty())),
            Map.entry("endUserOwnershipNotStated", s -> s.getEndUserOwnedByListedParty() == null),
            Map.entry("chinaRareEarthContent", s -> s.getChinaRareEarthContentPercent() != null
                    && s.getChinaRareEarthContentPercent().compareTo(RARE_EARTH_THRESHOLD) >= 0),
            Map.entry("chinaRareEarthContentNotStated", s -> s.getChinaRareEarthContentPercent() == null),
            Map.entry("section301Exclusion", s -> Boolean.TRUE.equals(s.getSection301ExclusionClaimed())),
            Map.entry("ann18Element", s -> containsAny(s, ANN18_ELEMENTS)),
            Map.entry("ann57Element", s -> containsAny(s, ANN57_ELEMENTS)),
            Map.entry("galliumOrGermanium", s -> containsAny(s, GALLIUM_GERMANIUM)),
            Map.entry("elementsNotStated", s -> s.getElements() == null));

    private static boolean containsAny(Shipment shipment, Set<String> wanted) {
        Set<String> elements = shipment.getElements();
        if (elements == null) {
            return false;
        }
        for (String element : elements) {
            if (wanted.contains(element)) {
                return true;
            }
        }
        return false;
    }

    private ShipmentClaims() {
    }

    public static Set<String> names() {
        return CLAIMS.keySet();
    }

    public static boolean isKnown(String name) {
        return CLAIMS.containsKey(name);
    }

    static Predicate<Shipment> get(String name) {
        Predicate<Shipment> claim = CLAIMS.get(name);
        if (claim == null) {
            throw new IllegalArgumentException("unknown claim " + name);
        }
        return claim;
    }
}
