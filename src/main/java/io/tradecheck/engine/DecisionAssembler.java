package io.tradecheck.engine;

import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Outcome;
import io.tradecheck.model.RuleSetRef;
import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what the rules left standing into the answer: one finding per hit, ordered most restrictive first; the outcome;
 * the sum of the additional ad valorem rates and the duty they make on the customs value. No trade logic lives here:
 * which measures apply, stack or lift each other is decided by the rules.
 */
final class DecisionAssembler {
    static final String STALE_CONTENT_RULE = "PACK-REVIEWED-THROUGH";

    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> severity(f.kind()))
            .thenComparing(Finding::rate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Finding::ruleId);

    private final RuleSetRef ref;
    private final LocalDate reviewedThrough;

    DecisionAssembler(RuleSetRef ref, LocalDate reviewedThrough) {
        this.ref = ref;
        this.reviewedThrough = reviewedThrough;
    }

    Decision assemble(Shipment shipment, RuleSet.Evaluation evaluation) {
        List<Finding> findings = new ArrayList<>();
        BigDecimal rate = BigDecimal.ZERO;
        for (MeasureHit hit : evaluation.hits()) {
            MeasureRow row = hit.getRow();
            if (row.kind() == FindingKind.TARIFF && row.rate() != null) {
                rate = rate.add(row.rate());
            }
            findings.add(finding(row, explanation(hit, evaluation.exemptions())));
        }
        if (reviewedThrough != null && shipment.getEntryDate().isAfter(reviewedThrough)) {
            findings.add(new Finding(STALE_CONTENT_RULE, FindingKind.NOTICE,
                    "Rule pack content reviewed only through " + reviewedThrough,
                    null, null, null, null, null, null, null,
                    "The entry date " + shipment.getEntryDate() + " is after the date through which this rule pack "
                            + "was last checked against its sources, so measures announced since may be missing."));
        }
        findings.sort(ORDER);
        BigDecimal duty = shipment.getCustomsValue().multiply(rate)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new Decision(shipment.getReference(), Outcome.of(findings), rate.stripTrailingZeros().scale() < 0
                ? rate.setScale(0) : rate.stripTrailingZeros(), duty, shipment.getCurrency(), shipment.getEntryDate(),
                List.copyOf(findings), ref);
    }

    private static Finding finding(MeasureRow row, String explanation) {
        return new Finding(row.measureId(), row.kind(), row.title(), row.rate(), row.chapter99(), row.legalBasis(),
                row.source(), row.from(), row.to(),
                row.kind() == FindingKind.PAUSED_TARIFF ? row.resumptionDate() : null, explanation);
    }

    private static String explanation(MeasureHit hit, List<Exemption> exemptions) {
        if (hit.getKind() != FindingKind.EXEMPTION) {
            return hit.getRow().explanation();
        }
        String lifted = exemptions.stream().filter(e -> e.getExemption() == hit)
                .map(e -> e.getLifted().getRow())
                .map(r -> r.measureId() + (r.rate() != null ? " (" + r.rate().toPlainString() + "%)" : ""))
                .distinct().collect(Collectors.joining(", "));
        return hit.getRow().explanation() + (lifted.isEmpty() ? "" : " Lifted here: " + lifted + ".");
    }

    private static int severity(FindingKind kind) {
        return switch (kind) {
            case PROHIBITION -> 0;
            case LICENSE_REQUIRED -> 1;
            case TARIFF -> 2;
            case PAUSED_TARIFF -> 3;
            case EXEMPTION -> 4;
            case NOTICE -> 5;
        };
    }
}
