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
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

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
    private final UpcomingChanges upcoming;

    DecisionAssembler(RuleSetRef ref, LocalDate reviewedThrough, UpcomingChanges upcoming) {
        this.ref = ref;
        this.reviewedThrough = reviewedThrough;
        this.upcoming = upcoming;
    }

    Decision assemble(Shipment shipment, RuleSet.Evaluation evaluation) {
        List<Finding> findings = new ArrayList<>();
        BigDecimal rate = BigDecimal.ZERO;
        List<String> notComputed = new ArrayList<>();
        Map<MeasureHit, MeasureHit> nonMetal = new IdentityHashMap<>();
        evaluation.nonMetalShares().forEach(share -> nonMetal.put(share.getHit(), share.getMetal()));
        for (MeasureHit hit : evaluation.hits()) {
            MeasureRow row = hit.getRow();
            String explanation = explanation(hit, evaluation);
            if (row.kind() == FindingKind.TARIFF) {
                Charge charge = charge(row, shipment, nonMetal.get(hit));
                if (charge.rate() != null) {
                    rate = rate.add(charge.rate());
                } else {
                    notComputed.add(row.measureId());
                }
                findings.add(finding(row, charge.rate(), explanation + charge.note()));
            } else {
                findings.add(finding(row, row.rate(), explanation));
            }
        }
        for (Notice notice : evaluation.notices()) {
            MeasureRow about = notice.getAbout().getRow();
            findings.add(new Finding(notice.getRuleId(), FindingKind.NOTICE, notice.getTitle(), null, null,
                    about.legalBasis(), about.source(), null, null, null, notice.getExplanation()));
        }
        if (reviewedThrough != null && shipment.getEntryDate().isAfter(reviewedThrough)) {
            findings.add(new Finding(STALE_CONTENT_RULE, FindingKind.NOTICE,
                    "Rule pack content reviewed only through " + reviewedThrough,
                    null, null, null, null, null, null, null,
                    "The entry date " + shipment.getEntryDate() + " is after the date through which this rule pack "
                            + "was last checked against its sources, so measures announced since may be missing."));
        }
        findings.addAll(upcoming.within(shipment, evaluation));
        findings.sort(ORDER);
        if (!notComputed.isEmpty()) {
            // A total that leaves out a tariff known to apply would understate the duty: no number rather than a wrong one.
            return new Decision(shipment.getReference(), Outcome.of(findings), null, null, shipment.getCurrency(),
                    shipment.getEntryDate(), List.copyOf(findings), ref, null, null, null, null, null, null,
                    notComputedReason(notComputed));
        }
        BigDecimal duty = shipment.getCustomsValue().multiply(rate)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new Decision(shipment.getReference(), Outcome.of(findings), plain(rate), duty, shipment.getCurrency(),
                shipment.getEntryDate(), List.copyOf(findings), ref);
    }

    private static String notComputedReason(List<String> measures) {
        return "The additional duty is not computed: " + String.join(", ", measures) + (measures.size() == 1 ? " caps" : " cap")
                + " MFN plus the additional duty at an all-in rate, and the request gives no mfnRate. Send mfnRate "
                + "(Column 1 General, percent) to get the rate and the duty.";
    }

    /** The rate a tariff row charges this shipment, as a percent of its customs value, and how it was worked out. */
    private record Charge(BigDecimal rate, String note) {
    }

    /** @param metalHit when not null, this tariff applies only to the non-metal share; the metal share pays metalHit */
    private static Charge charge(MeasureRow row, Shipment shipment, MeasureHit metalHit) {
        BigDecimal rate = row.rate();
        StringBuilder note = new StringBuilder();
        if (row.allInRate() != null) {
            if (shipment.getMfnRate() == null) {
                return new Charge(null, " The additional rate is " + plain(row.allInRate())
                        + "% less the MFN rate (never below 0); the request gives no mfnRate, so it is not computed.");
            }
            rate = row.allInRate().subtract(shipment.getMfnRate()).max(BigDecimal.ZERO);
            note.append(" Here: ").append(plain(row.allInRate())).append("% all-in less MFN ")
                    .append(plain(shipment.getMfnRate())).append("% = ").append(plain(rate)).append("%.");
        }
        BigDecimal metal = shipment.getMetalContentPercent();
        if (MeasureRow.METAL_CONTENT.equals(row.basis())) {
            if (metal == null) {
                note.append(" Charged on the metal content; the request gives no metalContentPercent, so the whole "
                        + "customs value is treated as metal content.");
            } else {
                rate = share(rate, metal);
                note.append(" Charged on the metal content (").append(plain(metal)).append("% of the value): ")
                        .append(plain(rate)).append("% of the customs value.");
            }
        }
        if (metalHit != null && metal != null) {
            BigDecimal rest = BigDecimal.valueOf(100).subtract(metal);
            rate = share(rate, rest);
            note.append(" Charged only on the non-metal share (").append(plain(rest)).append("% of the value; the metal ")
                    .append("content pays ").append(metalHit.getMeasureId()).append("): ")
                    .append(plain(rate)).append("% of the customs value.");
        }
        return new Charge(rate == null ? null : plain(rate), note.toString());
    }

    private static BigDecimal share(BigDecimal rate, BigDecimal percent) {
        return rate.multiply(percent).movePointLeft(2);
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Finding finding(MeasureRow row, BigDecimal rate, String explanation) {
        return new Finding(row.measureId(), row.kind(), row.title(), rate, row.chapter99(), row.legalBasis(),
                row.source(), row.from(), row.to(),
                row.kind() == FindingKind.PAUSED_TARIFF ? row.resumptionDate() : null, explanation);
    }

    /** The row's explanation, plus what this hit lifted or took precedence over (most hits: the row's text as is). */
    private static String explanation(MeasureHit hit, RuleSet.Evaluation evaluation) {
        Set<String> lifted = new LinkedHashSet<>();
        if (hit.getKind() == FindingKind.EXEMPTION) {
            for (Exemption e : evaluation.exemptions()) {
                if (e.getExemption() == hit) {
                    lifted.add(label(e.getLifted().getRow()));
                }
            }
        }
        Set<String> overridden = new LinkedHashSet<>();
        for (Superseded s : evaluation.superseded()) {
            if (s.getWinner() == hit) {
                overridden.add(label(s.getLoser().getRow()) + " by the rule '" + s.getRule() + "'");
            }
        }
        if (lifted.isEmpty() && overridden.isEmpty()) {
            return hit.getRow().explanation();
        }
        StringBuilder text = new StringBuilder(hit.getRow().explanation());
        if (!lifted.isEmpty()) {
            text.append(" Lifted here: ").append(String.join(", ", lifted)).append('.');
        }
        if (!overridden.isEmpty()) {
            text.append(" Takes precedence here over ").append(String.join("; ", overridden)).append('.');
        }
        return text.toString();
    }

    private static String label(MeasureRow row) {
        return row.measureId() + (row.rate() != null ? " (" + row.rate().toPlainString() + "%)"
                : row.allInRate() != null ? " (" + row.allInRate().toPlainString() + "% all-in)" : "");
    }

    private static int severity(FindingKind kind) {
        return switch (kind) {
            case PROHIBITION -> 0;
            case LICENSE_REQUIRED -> 1;
            case TARIFF -> 2;
            case PAUSED_TARIFF -> 3;
            case EXEMPTION -> 4;
            case NOTICE -> 5;
            case UNKNOWN_CODE -> 6;
            case UPCOMING_CHANGE -> 7;
        };
    }
}
