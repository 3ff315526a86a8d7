package io.tradecheck.engine;

import java.util.List;

/**
 * Every table row of a rule set, in pack order. A {@link MeasureHit} carries its row and that row's index here, which
 * orders the hits of a check the way the tables list them.
 */
public final class MeasureRows {
    private final List<MeasureRow> rows;

    public MeasureRows(List<MeasureRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public MeasureRow get(int index) {
        return rows.get(index);
    }

    public List<MeasureRow> all() {
        return rows;
    }

    public int size() {
        return rows.size();
    }
}
