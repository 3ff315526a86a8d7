package io.tradecheck.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer for one line of an order file, flat enough for a spreadsheet row.
 *
 * @param line      the line (CSV, NDJSON) or row (XLSX) number in the order file
 * @param reference the line's reference, as given
 * @param decision  PROHIBITED, LICENSE_REQUIRED, DUTIABLE, CLEAR, or {@value #ERROR} when the line could not be checked
 * @param measures  the Chapter 99 headings of the tariffs and exemptions applied, to declare with the entry
 * @param column    for an error: the column (or NDJSON field) at fault, space-separated if several
 * @param reason    the titles of the findings, or for an error what is wrong
 * @param mfnRate   the MFN (column 1) ad valorem rate used: the caller's, or the schedule's on the entry date
 * @param totalDutyRate MFN plus additional, percent, when computable
 * @param totalDuty the duty that makes on the customs value, when computable (else empty, and the check's answer
 *                  says what is missing, e.g. a quantity for a specific rate)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"line", "reference", "decision", "additionalDutyRate", "additionalDuty", "currency", "measures",
        "column", "reason", "mfnRate", "totalDutyRate", "totalDuty"})
public record LineResult(long line, String reference, String decision, BigDecimal additionalDutyRate,
                         BigDecimal additionalDuty, String currency, List<String> measures, String column, String reason,
                         BigDecimal mfnRate, BigDecimal totalDutyRate, BigDecimal totalDuty) {
    public static final String ERROR = "ERROR";
    /** The result columns; the MFN and total columns came later and are last, so earlier readers keep working. */
    public static final List<String> COLUMNS = List.of("line", "reference", "decision", "additionalDutyRate",
            "additionalDuty", "currency", "measures", "column", "reason", "mfnRate", "totalDutyRate", "totalDuty");

    /** A line without MFN and totals (errors, and lines of tools that only look at additional duties). */
    public LineResult(long line, String reference, String decision, BigDecimal additionalDutyRate,
                      BigDecimal additionalDuty, String currency, List<String> measures, String column, String reason) {
        this(line, reference, decision, additionalDutyRate, additionalDuty, currency, measures, column, reason,
                null, null, null);
    }

    public static LineResult of(long line, Decision decision) {
        List<String> measures = decision.findings().stream()
                .filter(f -> f.chapter99() != null && (f.kind() == FindingKind.TARIFF || f.kind() == FindingKind.EXEMPTION))
                .map(Finding::chapter99).distinct().toList();
        String reason = decision.findings().isEmpty() ? "no additional duty, ban or licence requirement found"
                : decision.findings().stream().map(Finding::title).collect(Collectors.joining("; "));
        return new LineResult(line, decision.reference(), decision.decision().name(), decision.additionalDutyRate(),
                decision.additionalDuty(), decision.currency(), measures, null, reason, decision.mfnRate(),
                decision.totalDutyRate(), decision.totalDuty());
    }

    public static LineResult error(long line, String reference, List<LineError> errors) {
        String columns = errors.stream().map(LineError::column).distinct().collect(Collectors.joining(" "));
        String reason = errors.size() == 1 ? errors.get(0).reason()
                : errors.stream().map(e -> e.column() + ": " + e.reason()).collect(Collectors.joining("; "));
        return new LineResult(line, reference, ERROR, null, null, null, List.of(), columns, reason);
    }

    @JsonIgnore
    public boolean isError() {
        return ERROR.equals(decision);
    }
}
