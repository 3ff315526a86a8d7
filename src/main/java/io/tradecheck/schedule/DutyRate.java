package io.tradecheck.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate of duty as a column of the HTS states it ("Free", "16.5%", "2.4¢/kg + 5%", "$1.05/doz.") and what it means:
 * an ad valorem part (percent of the customs value) and any specific parts (US dollars per unit). A rate the parser
 * cannot read fully (a duty "on the case", "on drained weight", "less 0.02¢/kg for each degree ...", "See 9822.04.40")
 * keeps its text and is marked not computable: the decision then says so instead of guessing.
 *
 * @param adValorem percent of the customs value; 0 for "Free"; null when the rate has no ad valorem part or is not
 *                  computable
 * @param specific  the specific parts, in US dollars per unit; empty when none
 */
public record DutyRate(String text, BigDecimal adValorem, List<Specific> specific, boolean computable) {

    /** One specific part: {@code amount} US dollars per {@code per} {@code unit} (e.g. 0.024 per 1 kg). */
    public record Specific(BigDecimal amount, String unit) {
        @Override
        public String toString() {
            return amount.stripTrailingZeros().toPlainString() + "/" + unit;
        }
    }

    public static final DutyRate NONE = new DutyRate("", null, List.of(), false);

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern AMOUNT = Pattern.compile("(?:\\$\\s*(\\d[\\d,]*(?:\\.\\d+)?)|(\\d+(?:\\.\\d+)?)\\s*¢)\\s*(.*)");

    /** The units a specific rate is stated in, spelt as the HTS spells them, to one canonical name each. */
    private static final Map<String, String> RATE_UNITS = Map.ofEntries(
            Map.entry("kg", "kg"), Map.entry("g", "g"), Map.entry("t", "t"), Map.entry("clean kg", "clean kg"),
            Map.entry("liter", "liter"), Map.entry("pf. liter", "pf.liter"), Map.entry("pf.liter", "pf.liter"),
            Map.entry("doz.", "doz"), Map.entry("pr.", "pr"), Map.entry("gross", "gross"), Map.entry("each", "each"),
            Map.entry("head", "each"), Map.entry("article", "each"), Map.entry("pack", "pack"), Map.entry("jewel", "jewel"),
            Map.entry("1000", "1000"), Map.entry("1,000", "1000"), Map.entry("thousand", "1000"),
            Map.entry("m", "m"), Map.entry("lin. m", "m"), Map.entry("m2", "m2"), Map.entry("m3", "m3"),
            Map.entry("bbl", "bbl"));

    public static DutyRate parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return NONE;
        }
        if (t.equalsIgnoreCase("free")) {
            return new DutyRate(t, BigDecimal.ZERO, List.of(), true);
        }
        BigDecimal adValorem = null;
        List<Specific> specific = new ArrayList<>();
        for (String part : t.split("\\+")) {
            String p = part.strip();
            Matcher percent = PERCENT.matcher(p);
            if (percent.matches()) {
                if (adValorem != null) {
                    return notComputable(t);
                }
                adValorem = new BigDecimal(percent.group(1));
                continue;
            }
            Matcher amount = AMOUNT.matcher(p);
            if (!amount.matches()) {
                return notComputable(t);
            }
            BigDecimal dollars = amount.group(1) != null ? new BigDecimal(amount.group(1).replace(",", ""))
                    : new BigDecimal(amount.group(2)).movePointLeft(2);
            String unit = unit(amount.group(3));
            if (unit == null) {
                return notComputable(t);
            }
            specific.add(new Specific(dollars.stripTrailingZeros(), unit));
        }
        return new DutyRate(t, adValorem, List.copyOf(specific), true);
    }

    private static String unit(String rest) {
        String r = rest.strip();
        if (r.equals("each")) {
            return "each";
        }
        if (!r.startsWith("/")) {
            return null;
        }
        return RATE_UNITS.get(r.substring(1).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    private static DutyRate notComputable(String text) {
        return new DutyRate(text, null, List.of(), false);
    }

    public boolean isFree() {
        return computable && specific.isEmpty() && adValorem != null && adValorem.signum() == 0;
    }

    /** True when the rate is a percent of value only (or free): it needs no quantity. */
    public boolean isAdValoremOnly() {
        return computable && specific.isEmpty() && adValorem != null;
    }

    /** The specific parts as the nomenclature files write them ("0.024/kg + 0.314/pf.liter"); "" when none. */
    public String specificText() {
        return String.join(" + ", specific.stream().map(Specific::toString).toList());
    }

    /**
     * The rate as a percent of the customs value, for a shipment of {@code quantity} {@code unit} worth
     * {@code customsValueUsd}: the ad valorem part plus each specific part converted. Null when the rate is not
     * computable, or a specific part needs a quantity in a unit that the given one does not convert to.
     */
    public BigDecimal percentOf(BigDecimal customsValueUsd, BigDecimal quantity, String unit) {
        if (!computable) {
            return null;
        }
        BigDecimal percent = adValorem == null ? BigDecimal.ZERO : adValorem;
        for (Specific s : specific) {
            BigDecimal inRateUnits = Units.convert(quantity, unit, s.unit());
            if (inRateUnits == null || customsValueUsd == null || customsValueUsd.signum() == 0) {
                return null;
            }
            percent = percent.add(s.amount().multiply(inRateUnits).multiply(BigDecimal.valueOf(100))
                    .divide(customsValueUsd, 6, RoundingMode.HALF_UP));
        }
        return percent.stripTrailingZeros().scale() < 0 ? percent.setScale(0) : percent.stripTrailingZeros();
    }
}
