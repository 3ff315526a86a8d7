package io.tradecheck.editing;

import io.tradecheck.batch.LineError;
import io.tradecheck.model.RuleSetRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a draft would change on an order file, against the rule set in force.
 *
 * @param rows              lines read
 * @param checked           lines checked by both rule sets
 * @param invalid           lines that could not be checked (bad cells); listed, up to a limit, in invalidLines
 * @param changed           lines decided differently, by kind of change in changesByKind
 * @param decisionChanges   counts of lines per "BEFORE -> AFTER" outcome pair
 * @param duty              additional duty over every checked line, per currency: before, after, difference
 * @param rules             per rule id behind a change: how many lines it changed
 * @param changedRows       the changed lines, in file order, up to the limit asked for
 * @param changedRowsOmitted changed lines beyond that limit (counted in the summary, not listed)
 * @param rowsPerSecond     lines compared per second (each line is checked twice)
 */
public record ImpactReport(
        RuleSetRef before,
        RuleSetRef after,
        long rows,
        long checked,
        long invalid,
        long changed,
        Map<RowChange.Change, Long> changesByKind,
        Map<String, Long> decisionChanges,
        List<DutyTotal> duty,
        List<RuleImpact> rules,
        List<RowChange> changedRows,
        long changedRowsOmitted,
        List<InvalidLine> invalidLines,
        long millis,
        long rowsPerSecond) {

    public record DutyTotal(String currency, BigDecimal before, BigDecimal after, BigDecimal delta) {
    }

    public record RuleImpact(String ruleId, long rows) {
    }

    public record InvalidLine(long line, String reference, List<LineError> errors) {
    }
}
