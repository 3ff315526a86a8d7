package io.tradecheck.schedule;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The units a specific duty is charged per, and the few exact conversions between them (mass: g, kg, t; count: each,
 * dozen, gross, thousand). Anything else (proof liters from liters, clean kg from kg) depends on the goods, so it is not
 * converted and the decision asks for the quantity in the rate's own unit.
 */
public final class Units {
    private Units() {
    }

    /** Spellings a caller may use, to the canonical names {@link DutyRate} uses. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("kg", "kg"), Map.entry("kgs", "kg"), Map.entry("kilogram", "kg"), Map.entry("kilograms", "kg"),
            Map.entry("g", "g"), Map.entry("gram", "g"), Map.entry("grams", "g"),
            Map.entry("t", "t"), Map.entry("tonne", "t"), Map.entry("metric ton", "t"),
            Map.entry("clean kg", "clean kg"),
            Map.entry("l", "liter"), Map.entry("liter", "liter"), Map.entry("liters", "liter"), Map.entry("litre", "liter"),
            Map.entry("litres", "liter"), Map.entry("pf.liter", "pf.liter"), Map.entry("pf. liter", "pf.liter"),
            Map.entry("pf.liters", "pf.liter"), Map.entry("proof liter", "pf.liter"),
            Map.entry("each", "each"), Map.entry("no.", "each"), Map.entry("no", "each"), Map.entry("pcs", "each"),
            Map.entry("piece", "each"), Map.entry("pieces", "each"), Map.entry("head", "each"),
            Map.entry("doz", "doz"), Map.entry("doz.", "doz"), Map.entry("dozen", "doz"),
            Map.entry("pr", "pr"), Map.entry("pr.", "pr"), Map.entry("prs", "pr"), Map.entry("prs.", "pr"),
            Map.entry("pair", "pr"), Map.entry("pairs", "pr"),
            Map.entry("gross", "gross"), Map.entry("1000", "1000"), Map.entry("thousand", "1000"),
            Map.entry("thousands", "1000"),
            Map.entry("m", "m"), Map.entry("m2", "m2"), Map.entry("m²", "m2"), Map.entry("m3", "m3"), Map.entry("m³", "m3"),
            Map.entry("bbl", "bbl"), Map.entry("barrel", "bbl"), Map.entry("barrels", "bbl"),
            Map.entry("jewel", "jewel"), Map.entry("pack", "pack"));

    /** How many of the family's base unit one unit is (mass: kg; count: each). */
    private static final Map<String, BigDecimal> MASS = Map.of("g", new BigDecimal("0.001"), "kg", BigDecimal.ONE,
            "t", new BigDecimal("1000"));
    private static final Map<String, BigDecimal> COUNT = Map.of("each", BigDecimal.ONE, "doz", new BigDecimal("12"),
            "gross", new BigDecimal("144"), "1000", new BigDecimal("1000"));

    /** The canonical name of a unit as a caller spells it, or null when it is not one a rate is stated in. */
    public static String canonical(String unit) {
        return unit == null ? null : NAMES.get(unit.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    /** {@code quantity} of {@code from} (as a caller spells it) in units of {@code to}; null when not convertible. */
    public static BigDecimal convert(BigDecimal quantity, String from, String to) {
        String f = canonical(from);
        if (quantity == null || f == null) {
            return null;
        }
        if (f.equals(to)) {
            return quantity;
        }
        for (Map<String, BigDecimal> family : java.util.List.of(MASS, COUNT)) {
            if (family.containsKey(f) && family.containsKey(to)) {
                return quantity.multiply(family.get(f)).divide(family.get(to), 9, java.math.RoundingMode.HALF_UP);
            }
        }
        return null;
    }
}
