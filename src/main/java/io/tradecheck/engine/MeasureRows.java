package io.tradecheck.engine;

import java.util.List;
import java.util.Map;

/**
 * Every table row of a rule set, in pack order. A {@link MeasureHit} carries its row and that row's index here, which
 * orders the hits of a check the way the tables list them.
 */
public final class MeasureRows {
    private final List<MeasureRow> rows;
    private final Map<String, ProductList> lists;

    public MeasureRows(List<MeasureRow> rows) {
        this(rows, Map.of());
    }

    /** The rows and the product lists (rules/lists/) that rows name in their {@code hsList} column. */
    public MeasureRows(List<MeasureRow> rows, Map<String, ProductList> lists) {
        this.rows = List.copyOf(rows);
        this.lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
    }

    /** The product lists of the pack by id, in manifest order. */
    public Map<String, ProductList> lists() {
        return lists;
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
