package io.tradecheck.engine;

import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The tariff-cliff warning: measures that touch the shipment and change within the request's horizon after its entry
 * date (a rate starts, ends or changes; a paused rate resumes). Read from the date windows of the table rows whose scope
 * covers the shipment, never from hand-written text, so a new row brings its own warning. Informational only: these
 * findings never add to the additional duty or change the decision.
 *
 * <p>"Touches" means: the row's goods, countries and claim cover the shipment, it is not a notice, and its family was
 * not displaced on the entry date by another measure (a Chinese car owes no Section 122, so its end is not news), nor
 * outranked by a more specific row of its family (Canadian crude keeps its 10% when the general Canada rate moves).
 */
final class UpcomingChanges {
    static final String RULE_SUFFIX = "-UPCOMING";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final MeasureIndex index;

    UpcomingChanges(MeasureIndex index) {
        this.index = index;
    }

    List<Finding> within(Shipment shipment, RuleSet.Evaluation evaluation) {
        int horizon = shipment.getHorizonDays();
        if (horizon <= 0) {
            return List.of();
        }
        LocalDate entry = shipment.getEntryDate();
        LocalDate last = entry.plusDays(horizon);
        List<MeasureRow> rows = index.inScopeOnAnyDate(shipment).stream()
                .filter(row -> row.kind() != FindingKind.NOTICE && touches(row, evaluation)).toList();
        List<Finding> changes = new ArrayList<>();
        for (MeasureRow row : rows) {
            LocalDate ends = row.to() == null ? null : row.to().plusDays(1);
            if (ends != null && ends.isAfter(entry) && !ends.isAfter(last) && !outranked(rows, row, row.to())) {
                MeasureRow next = successor(rows, row, ends);
                if (next == null) {
                    changes.add(ending(rows, row, ends));
                } else if (!sameEffect(row, next)) {
                    changes.add(change(row, next, ends));
                }
            }
            if (row.from().isAfter(entry) && !row.from().isAfter(last) && predecessor(rows, row) == null
                    && !resumesAPause(rows, row) && !outranked(rows, row, row.from())) {
                changes.add(starting(row));
            }
        }
        return changes;
    }

    /** Not a family that a logic rule displaced on the entry date (and that no standing hit keeps alive). */
    private static boolean touches(MeasureRow row, RuleSet.Evaluation evaluation) {
        Set<String> standing = new HashSet<>();
        for (MeasureHit hit : evaluation.hits()) {
            standing.add(hit.getFamily());
        }
        if (standing.contains(row.family())) {
            return true;
        }
        for (Superseded s : evaluation.superseded()) {
            if (s.getLoser().getFamily().equals(row.family())) {
                return false;
            }
        }
        for (Exemption e : evaluation.exemptions()) {
            if (e.getLifted().getFamily().equals(row.family())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a more specific tariff row of the same family covers the shipment on {@code day}, so this row's change
     * does not reach it (the rule "most specific row of a family applies" of rules/logic/stacking.drl).
     */
    private static boolean outranked(List<MeasureRow> rows, MeasureRow row, LocalDate day) {
        if (row.kind() != FindingKind.TARIFF) {
            return false;
        }
        for (MeasureRow other : rows) {
            if (other.kind() == FindingKind.TARIFF && other.family().equals(row.family())
                    && other.specificity() > row.specificity() && inForce(other, day)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inForce(MeasureRow row, LocalDate day) {
        return !row.from().isAfter(day) && (row.to() == null || !row.to().isBefore(day));
    }

    private static MeasureRow successor(List<MeasureRow> rows, MeasureRow row, LocalDate day) {
        for (MeasureRow other : rows) {
            if (other != row && other.measureId().equals(row.measureId()) && other.from().equals(day)) {
                return other;
            }
        }
        return null;
    }

    private static MeasureRow predecessor(List<MeasureRow> rows, MeasureRow row) {
        LocalDate dayBefore = row.from().minusDays(1);
        for (MeasureRow other : rows) {
            if (other != row && other.measureId().equals(row.measureId()) && dayBefore.equals(other.to())) {
                return other;
            }
        }
        return null;
    }

    /** A pause extended by a new row, or a rate re-enacted unchanged, is no change for the importer. */
    private static boolean sameEffect(MeasureRow a, MeasureRow b) {
        return a.kind() == b.kind() && Objects.equals(a.rate(), b.rate()) && Objects.equals(a.allInRate(), b.allInRate())
                && Objects.equals(a.basis(), b.basis());
    }

    private static Finding ending(List<MeasureRow> rows, MeasureRow row, LocalDate day) {
        if (row.kind() == FindingKind.PAUSED_TARIFF) {
            MeasureRow resumed = resumption(rows, row, day);
            if (resumed != null) {
                return finding(row, resumed, day, day, "The paused " + rate(row) + " resumes on " + DAY.format(day)
                        + " (" + row.title() + ")", "The suspension (" + row.location() + ") runs to "
                        + DAY.format(row.to()) + " and " + resumed.measureId() + " charges " + rate(resumed)
                        + " on entries from " + DAY.format(day) + ".");
            }
            return finding(row, null, day, null, "The suspension of " + rate(row) + " ends on " + DAY.format(row.to())
                    + " (last day): " + row.title(), "The suspension (" + row.location() + ") runs to "
                    + DAY.format(row.to()) + "; no row of this pack charges the suspended rate afterwards, so check "
                    + "what replaces it.");
        }
        return finding(row, null, day, null, row.title() + " ends on " + DAY.format(row.to()) + " (last day)",
                "The last entry date of " + row.measureId() + " (" + effect(row) + ") is " + DAY.format(row.to())
                        + "; from " + DAY.format(day) + " it no longer applies.");
    }

    /** Reported as the pause's end ("the paused 34% resumes"), not a second time as a start. */
    private static boolean resumesAPause(List<MeasureRow> rows, MeasureRow row) {
        for (MeasureRow other : rows) {
            if (other.kind() == FindingKind.PAUSED_TARIFF && resumption(rows, other, row.from()) == row
                    && other.to() != null && other.to().plusDays(1).equals(row.from())) {
                return true;
            }
        }
        return false;
    }

    /** The tariff row of the pause's family that charges the suspended rate from the day the pause ends, if any. */
    private static MeasureRow resumption(List<MeasureRow> rows, MeasureRow pause, LocalDate day) {
        if (!day.equals(pause.resumptionDate())) {
            return null;
        }
        for (MeasureRow other : rows) {
            if (other.kind() == FindingKind.TARIFF && other.family().equals(pause.family()) && other.from().equals(day)
                    && other.rate() != null && other.rate().compareTo(pause.rate()) == 0) {
                return other;
            }
        }
        return null;
    }

    private static Finding change(MeasureRow from, MeasureRow to, LocalDate day) {
        return finding(to, to, day, null, to.title() + " from " + DAY.format(day) + " (was: " + effect(from) + ")",
                to.measureId() + " changes on " + DAY.format(day) + " from " + effect(from) + " to " + effect(to) + ".");
    }

    private static Finding starting(MeasureRow row) {
        return finding(row, row, row.from(), null, row.title() + " starts on " + DAY.format(row.from()),
                row.measureId() + " (" + effect(row) + ") applies to entries from " + DAY.format(row.from()) + ".");
    }

    private static Finding finding(MeasureRow row, MeasureRow rated, LocalDate day, LocalDate resumesOn, String title,
                                   String explanation) {
        BigDecimal rate = rated == null ? null : rated.rate() != null ? rated.rate() : rated.allInRate();
        return new Finding(row.measureId() + RULE_SUFFIX, FindingKind.UPCOMING_CHANGE, title, rate, row.chapter99(),
                row.legalBasis(), row.source(), day, null, resumesOn,
                explanation + " Shown as a warning only: it is not part of the duty on the entry date.");
    }

    private static String effect(MeasureRow row) {
        return switch (row.kind()) {
            case TARIFF -> row.allInRate() != null ? row.allInRate().toPlainString() + "% all-in"
                    : rate(row) + (MeasureRow.METAL_CONTENT.equals(row.basis()) ? " on the metal content" : "");
            case PAUSED_TARIFF -> rate(row) + " paused";
            case EXEMPTION -> "an exemption";
            case LICENSE_REQUIRED -> "a licence requirement";
            case PROHIBITION -> "a prohibition";
            default -> row.kind().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String rate(MeasureRow row) {
        return row.rate() == null ? "rate" : row.rate().stripTrailingZeros().toPlainString() + "%";
    }
}
