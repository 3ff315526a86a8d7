package io.tradecheck.engine;

import io.tradecheck.model.FindingKind;

/**
 * A table row that matched the shipment: {@link MeasureIndex} finds them, the check inserts them beside the shipment,
 * and the logic rules (rules/logic/*.drl) resolve them: most specific row per family, exemptions, stacking. Immutable; logic rules delete hits, never edit them.
 */
public final class MeasureHit {
    private final MeasureRow row;
    private final int index;
    private final String matchedPrefix;

    public MeasureHit(MeasureRow row, int index) {
        this(row, index, row.hsPrefix());
    }

    /** A hit on the prefix that matched: the row's own, or for a list row the list entry's. */
    public MeasureHit(MeasureRow row, int index, String matchedPrefix) {
        this.row = row;
        this.index = index;
        this.matchedPrefix = matchedPrefix;
    }

    public MeasureRow getRow() { return row; }
    public int getIndex() { return index; }
    public String getMeasureId() { return row.measureId(); }
    public String getFamily() { return row.family(); }
    public FindingKind getKind() { return row.kind(); }
    public int getSpecificity() { return row.specificity(matchedPrefix.length()); }
    public String getChapter99() { return row.chapter99(); }
    /** The HS prefix that matched the shipment: the row's own, or for a list row the matching list entry. */
    public String getHsPrefix() { return matchedPrefix; }
    /** The product list the row names, or null. */
    public String getHsList() { return row.hsList(); }
    public java.math.BigDecimal getAllInRate() { return row.allInRate(); }
    public String getBasis() { return row.basis(); }

    @Override
    public String toString() {
        return row.measureId() + "@" + row.location();
    }
}
