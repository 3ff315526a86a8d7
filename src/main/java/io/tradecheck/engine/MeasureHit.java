package io.tradecheck.engine;

import io.tradecheck.model.FindingKind;

/**
 * A table row that matched the shipment: {@link MeasureIndex} finds them, the check inserts them beside the shipment,
 * and the logic rules (rules/logic/*.drl) resolve them: most specific row per family, exemptions, stacking. Immutable; logic rules delete hits, never edit them.
 */
public final class MeasureHit {
    private final MeasureRow row;
    private final int index;

    public MeasureHit(MeasureRow row, int index) {
        this.row = row;
        this.index = index;
    }

    public MeasureRow getRow() { return row; }
    public int getIndex() { return index; }
    public String getMeasureId() { return row.measureId(); }
    public String getFamily() { return row.family(); }
    public FindingKind getKind() { return row.kind(); }
    public int getSpecificity() { return row.specificity(); }
    public String getChapter99() { return row.chapter99(); }
    public String getHsPrefix() { return row.hsPrefix(); }
    public java.math.BigDecimal getAllInRate() { return row.allInRate(); }
    public String getBasis() { return row.basis(); }

    @Override
    public String toString() {
        return row.measureId() + "@" + row.location();
    }
}
