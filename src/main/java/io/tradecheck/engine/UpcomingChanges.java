package io.tradecheck.engine;

import io.tradecheck.engine.MeasureIndex.Window;
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
        Set<String> displaced = displacedFamilies(evaluation);
        Set<String> seen = new HashSet<>();
        List<Window> windows = new ArrayList<>();
        for (Window w : index.inScopeOnAnyDate(shipment)) {
            if (w.row().kind() != FindingKind.NOTICE && !displaced.contains(w.row().family())
                    && seen.add(w.index() + "/" + w.from() + "/" + w.to())) {
                windows.add(w);
            }
        }
        List<Finding> changes = new ArrayList<>();
        for (Window w : windows) {
            LocalDate ends = w.to() == null ? null : w.to().plusDays(1);
            if (ends != null && ends.isAfter(entry) && !ends.isAfter(last) && !outranked(windows, w, w.to())) {
                Window next = successor(windows, w, ends);
                if (next == null) {
                    changes.add(ending(windows, w, ends));
                } else if (!sameEffect(w.row(), next.row())) {
                    changes.add(change(w, next, ends));
                }
            }
            if (w.from().isAfter(entry) && !w.from().isAfter(last) && predecessor(windows, w) == null
                    && !resumesAPause(windows, w) && !outranked(windows, w, w.from())) {
                changes.add(starting(w));
            }
        }
        return changes;
    }

    /** Families a logic rule displaced on the entry date, unless a hit of the family still stands. */
    private static Set<String> displacedFamilies(RuleSet.Evaluation evaluation) {
        Set<String> displaced = new HashSet<>();
        for (Superseded s : evaluation.superseded()) {
            displaced.add(s.getLoser().getFamily());
        }
        for (Exemption e : evaluation.exemptions()) {
            displaced.add(e.getLifted().getFamily());
        }
        if (!displaced.isEmpty()) {
            for (MeasureHit hit : evaluation.hits()) {
                displaced.remove(hit.getFamily());
            }
        }
        return displaced;
    }

    /**
     * Whether a more specific tariff row of the same family covers the shipment on {@code day}, so this row's change
     * does not reach it (the rule "most specific row of a family applies" of rules/logic/stacking.drl).
     */
    private static boolean outranked(List<Window> windows, Window w, LocalDate day) {
        if (w.row().kind() != FindingKind.TARIFF) {
            return false;
        }
        for (Window other : windows) {
            if (other.row().kind() == FindingKind.TARIFF && other.row().family().equals(w.row().family())
                    && other.specificity() > w.specificity() && inForce(other, day)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inForce(Window w, LocalDate day) {
        return !w.from().isAfter(day) && (w.to() == null || !w.to().isBefore(day));
    }

    private static Window successor(List<Window> windows, Window w, LocalDate day) {
        for (Window other : windows) {
            if (other != w && other.row().measureId().equals(w.row().measureId()) && other.from().equals(day)) {
                return other;
            }
        }
        return null;
    }

    private static Window predecessor(List<Window> windows, Window w) {
        LocalDate dayBefore = w.from().minusDays(1);
        for (Window other : windows) {
            if (other != w && other.row().measureId().equals(w.row().measureId()) && dayBefore.equals(other.to())) {
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

    private static Finding ending(List<Window> windows, Window w, LocalDate day) {
        MeasureRow row = w.row();
        if (row.kind() == FindingKind.PAUSED_TARIFF) {
            Window resumed = resumption(windows, w, day);
            if (resumed != null) {
                return finding(row, resumed.row(), day, day, "The paused " + rate(row) + " resumes on " + DAY.format(day)
                        + " (" + row.title() + ")", "The suspension (" + row.location() + ") runs to "
                        + DAY.format(w.to()) + " and " + resumed.row().measureId() + " charges " + rate(resumed.row())
                        + " on entries from " + DAY.format(day) + ".");
            }
            return finding(row, null, day, null, "The suspension of " + rate(row) + " ends on " + DAY.format(w.to())
                    + " (last day): " + row.title(), "The suspension (" + row.location() + ") runs to "
                    + DAY.format(w.to()) + "; no row of this pack charges the suspended rate afterwards, so check "
                    + "what replaces it.");
        }
        return finding(row, null, day, null, row.title() + " ends on " + DAY.format(w.to()) + " (last day)",
                "The last entry date of " + row.measureId() + " (" + effect(row) + ") for these goods is "
                        + DAY.format(w.to()) + "; from " + DAY.format(day) + " it no longer applies.");
    }

    /** The tariff row of the pause's family that charges the suspended rate from the day the pause ends, if any. */
    private static Window resumption(List<Window> windows, Window pause, LocalDate day) {
        LocalDate resumes = pause.row().resumesOn() != null ? pause.row().resumesOn() : pause.to().plusDays(1);
        if (!day.equals(resumes)) {
            return null;
        }
        for (Window other : windows) {
            MeasureRow row = other.row();
            if (row.kind() == FindingKind.TARIFF && row.family().equals(pause.row().family()) && other.from().equals(day)
                    && row.rate() != null && row.rate().compareTo(pause.row().rate()) == 0) {
                return other;
            }
        }
        return null;
    }

    /** Reported as the pause's end ("the paused 34% resumes"), not a second time as a start. */
    private static boolean resumesAPause(List<Window> windows, Window w) {
        for (Window other : windows) {
            if (other.row().kind() == FindingKind.PAUSED_TARIFF && other.to() != null
                    && other.to().plusDays(1).equals(w.from()) && resumption(windows, other, w.from()) == w) {
                return true;
            }
        }
        return false;
    }

    private static Finding change(Window from, Window to, LocalDate day) {
        return finding(to.row(), to.row(), day, null, to.row().title() + " from " + DAY.format(day) + " (was: "
                + effect(from.row()) + ")", to.row().measureId() + " changes on " + DAY.format(day) + " from "
                + effect(from.row()) + " to " + effect(to.row()) + ".");
    }

    private static Finding starting(Window w) {
        MeasureRow row = w.row();
        return finding(row, row, w.from(), null, row.title() + " starts on " + DAY.format(w.from()),
                row.measureId() + " (" + effect(row) + ") applies to these goods from " + DAY.format(w.from()) + ".");
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
