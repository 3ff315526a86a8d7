package io.tradecheck.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The fact the rules match on: a validated shipment with its match keys computed once, so that rules test equality
 * ({@code hs4 == "8471"}, {@code origin == "CN"}), which the engine indexes, instead of calling methods per match.
 * Immutable; getters only because the classic Drools engine reads JavaBean properties.
 */
public final class Shipment {
    private final String reference;
    private final String origin;
    private final String exportCountry;
    private final String destination;
    private final String hsCode;
    private final String hs2;
    private final String hs4;
    private final String hs6;
    private final String hs8;
    private final String hs10;
    private final String eccn;
    private final BigDecimal customsValue;
    private final String currency;
    private final BigDecimal mfnRate;
    private final LocalDate entryDate;
    private final int entryDay;
    private final Boolean usmcaQualifying;
    private final BigDecimal metalContentPercent;
    private final Boolean semiconductor232Covered;
    private final Boolean endUserOwnedByListedParty;
    private final BigDecimal chinaRareEarthContentPercent;
    private final Boolean section301ExclusionClaimed;
    private final String preferenceProgram;
    private final BigDecimal quantity;
    private final String unit;
    private final Set<String> elements;
    private final int horizonDays;
    private final Boolean vehiclePartUse;

    /** Days after the entry date within which a coming change of a measure is reported, when the request says nothing. */
    public static final int DEFAULT_HORIZON_DAYS = 30;

    public Shipment(String reference, String origin, String exportCountry, String destination, String hsCode,
                    String eccn, BigDecimal customsValue, String currency, BigDecimal mfnRate, LocalDate entryDate,
                    Boolean usmcaQualifying) {
        this(reference, origin, exportCountry, destination, hsCode, eccn, customsValue, currency, mfnRate, entryDate,
                usmcaQualifying, null, null, null, null, null);
    }

    public Shipment(String reference, String origin, String exportCountry, String destination, String hsCode,
                    String eccn, BigDecimal customsValue, String currency, BigDecimal mfnRate, LocalDate entryDate,
                    Boolean usmcaQualifying, BigDecimal metalContentPercent, Boolean semiconductor232Covered,
                    Boolean endUserOwnedByListedParty, BigDecimal chinaRareEarthContentPercent,
                    Boolean section301ExclusionClaimed) {
        this(reference, origin, exportCountry, destination, hsCode, eccn, customsValue, currency, mfnRate, entryDate,
                usmcaQualifying, metalContentPercent, semiconductor232Covered, endUserOwnedByListedParty,
                chinaRareEarthContentPercent, section301ExclusionClaimed, null, null, null, null, null);
    }

    /**
     * @param preferenceProgram special programme claimed ("S", "KR" ...), whose rate the schedule gives as MFN
     * @param quantity          with {@code unit}: what a specific or compound MFN rate is charged on
     * @param elements    chemical element symbols, e.g. "Dy, Nd"; null when the request does not say
     * @param horizonDays days after the entry date to look for coming changes; null for {@link #DEFAULT_HORIZON_DAYS}
     */
    public Shipment(String reference, String origin, String exportCountry, String destination, String hsCode,
                    String eccn, BigDecimal customsValue, String currency, BigDecimal mfnRate, LocalDate entryDate,
                    Boolean usmcaQualifying, BigDecimal metalContentPercent, Boolean semiconductor232Covered,
                    Boolean endUserOwnedByListedParty, BigDecimal chinaRareEarthContentPercent,
                    Boolean section301ExclusionClaimed, String preferenceProgram, BigDecimal quantity, String unit,
                    String elements, Integer horizonDays) {
        this(reference, origin, exportCountry, destination, hsCode, eccn, customsValue, currency, mfnRate, entryDate,
                usmcaQualifying, metalContentPercent, semiconductor232Covered, endUserOwnedByListedParty,
                chinaRareEarthContentPercent, section301ExclusionClaimed, preferenceProgram, quantity, unit, elements,
                horizonDays, null);
    }

    /** @param vehiclePartUse true if the goods are parts of motor vehicles (Section 232 parts lists); null when not said */
    public Shipment(String reference, String origin, String exportCountry, String destination, String hsCode,
                    String eccn, BigDecimal customsValue, String currency, BigDecimal mfnRate, LocalDate entryDate,
                    Boolean usmcaQualifying, BigDecimal metalContentPercent, Boolean semiconductor232Covered,
                    Boolean endUserOwnedByListedParty, BigDecimal chinaRareEarthContentPercent,
                    Boolean section301ExclusionClaimed, String preferenceProgram, BigDecimal quantity, String unit,
                    String elements, Integer horizonDays, Boolean vehiclePartUse) {
        this.reference = reference;
        this.origin = upper(origin);
        this.exportCountry = exportCountry == null || exportCountry.isBlank() ? this.origin : upper(exportCountry);
        this.destination = upper(destination);
        this.hsCode = digitsOf(hsCode);
        this.hs2 = prefix(this.hsCode, 2);
        this.hs4 = prefix(this.hsCode, 4);
        this.hs6 = prefix(this.hsCode, 6);
        this.hs8 = prefix(this.hsCode, 8);
        this.hs10 = prefix(this.hsCode, 10);
        this.eccn = eccn == null || eccn.isBlank() ? null : upper(eccn);
        this.customsValue = customsValue;
        this.currency = upper(currency);
        this.mfnRate = mfnRate;
        this.entryDate = entryDate;
        this.entryDay = (int) entryDate.toEpochDay();
        this.usmcaQualifying = usmcaQualifying;
        this.metalContentPercent = metalContentPercent;
        this.semiconductor232Covered = semiconductor232Covered;
        this.endUserOwnedByListedParty = endUserOwnedByListedParty;
        this.chinaRareEarthContentPercent = chinaRareEarthContentPercent;
        this.section301ExclusionClaimed = section301ExclusionClaimed;
        this.preferenceProgram = preferenceProgram == null || preferenceProgram.isBlank() ? null : upper(preferenceProgram);
        this.quantity = quantity;
        this.unit = unit == null || unit.isBlank() ? null : unit.strip();
        this.elements = elementsOf(elements);
        this.horizonDays = horizonDays == null ? DEFAULT_HORIZON_DAYS : horizonDays;
        this.vehiclePartUse = vehiclePartUse;
    }

    /** A copy with another MFN rate; every derived key stays as computed. */
    private Shipment(Shipment s, BigDecimal mfnRate) {
        this.reference = s.reference;
        this.origin = s.origin;
        this.exportCountry = s.exportCountry;
        this.destination = s.destination;
        this.hsCode = s.hsCode;
        this.hs2 = s.hs2;
        this.hs4 = s.hs4;
        this.hs6 = s.hs6;
        this.hs8 = s.hs8;
        this.hs10 = s.hs10;
        this.eccn = s.eccn;
        this.customsValue = s.customsValue;
        this.currency = s.currency;
        this.mfnRate = mfnRate;
        this.entryDate = s.entryDate;
        this.entryDay = s.entryDay;
        this.usmcaQualifying = s.usmcaQualifying;
        this.metalContentPercent = s.metalContentPercent;
        this.semiconductor232Covered = s.semiconductor232Covered;
        this.endUserOwnedByListedParty = s.endUserOwnedByListedParty;
        this.chinaRareEarthContentPercent = s.chinaRareEarthContentPercent;
        this.section301ExclusionClaimed = s.section301ExclusionClaimed;
        this.preferenceProgram = s.preferenceProgram;
        this.quantity = s.quantity;
        this.unit = s.unit;
        this.elements = s.elements;
        this.horizonDays = s.horizonDays;
        this.vehiclePartUse = s.vehiclePartUse;
    }

    /** The same shipment with the MFN rate the rules should use (the one looked up in the schedule). */
    public Shipment withMfnRate(BigDecimal rate) {
        return new Shipment(this, rate);
    }

    /** "Dy, Nd" becomes {Dy, Nd}; null stays null (not stated), so a control can tell "none" from "not said". */
    private static Set<String> elementsOf(String elements) {
        if (elements == null || elements.isBlank()) {
            return null;
        }
        Set<String> symbols = new java.util.TreeSet<>();
        for (String symbol : elements.split("[,\\s]+")) {
            if (!symbol.isEmpty()) {
                symbols.add(symbol);
            }
        }
        return Set.copyOf(symbols);
    }

    /** Builds the fact from a request that passed validation; {@code today} stands in for a missing entry date. */
    public static Shipment of(CheckRequest r, LocalDate today) {
        LocalDate date = r.entryDate() == null || r.entryDate().isBlank() ? today : LocalDate.parse(r.entryDate().trim());
        return new Shipment(r.reference(), r.originCountry(), r.exportCountry(), r.destinationCountry(), r.hsCode(),
                r.eccn(), r.customsValue(), r.currency(), r.mfnRate(), date, r.usmcaQualifying(), r.metalContentPercent(),
                r.semiconductor232Covered(), r.endUserOwnedByListedParty(), r.chinaRareEarthContentPercent(),
                r.section301ExclusionClaimed(), r.preferenceProgram(), r.quantity(), r.unit(), r.elements(),
                r.horizonDays(), r.vehiclePartUse());
    }

    /** "9506.62.40 40" becomes "9506624040". */
    public static String digitsOf(String hsCode) {
        if (hsCode == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(10);
        for (int i = 0; i < hsCode.length(); i++) {
            char c = hsCode.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String prefix(String digits, int length) {
        return digits.length() >= length ? digits.substring(0, length) : null;
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    public String getReference() { return reference; }
    public String getOrigin() { return origin; }
    public String getExportCountry() { return exportCountry; }
    public String getDestination() { return destination; }
    public String getHsCode() { return hsCode; }
    public String getHs2() { return hs2; }
    public String getHs4() { return hs4; }
    public String getHs6() { return hs6; }
    public String getHs8() { return hs8; }
    public String getHs10() { return hs10; }
    public String getEccn() { return eccn; }
    public BigDecimal getCustomsValue() { return customsValue; }
    public String getCurrency() { return currency; }
    public BigDecimal getMfnRate() { return mfnRate; }
    public LocalDate getEntryDate() { return entryDate; }
    /** Entry date as days since 1970-01-01: rules compare ints, which is fast and cannot hit Drools' date-format trap. */
    public int getEntryDay() { return entryDay; }
    public Boolean getUsmcaQualifying() { return usmcaQualifying; }
    public BigDecimal getMetalContentPercent() { return metalContentPercent; }
    public Boolean getSemiconductor232Covered() { return semiconductor232Covered; }
    public Boolean getEndUserOwnedByListedParty() { return endUserOwnedByListedParty; }
    public BigDecimal getChinaRareEarthContentPercent() { return chinaRareEarthContentPercent; }
    public Boolean getSection301ExclusionClaimed() { return section301ExclusionClaimed; }
    public String getPreferenceProgram() { return preferenceProgram; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
    /** Element symbols the request names; null when it names none. */
    public Set<String> getElements() { return elements; }
    public int getHorizonDays() { return horizonDays; }
    public Boolean getVehiclePartUse() { return vehiclePartUse; }
}
