package io.tradecheck.engine;

import java.util.List;

/**
 * Every table row of a rule set, by index. Generated rules refer to their row by index through the DRL global
 * {@code rows}, so a row's texts live once in memory and never in a session.
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
