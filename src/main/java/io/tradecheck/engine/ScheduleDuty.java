package io.tradecheck.engine;

import static io.tradecheck.engine.DecisionAssembler.plain;

import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.MfnSource;
import io.tradecheck.model.Outcome;
import io.tradecheck.model.Shipment;
import io.tradecheck.schedule.DutyRate;
import io.tradecheck.schedule.HtsLine;
import io.tradecheck.schedule.SpecialRates;
import io.tradecheck.schedule.TariffSchedule;
import io.tradecheck.schedule.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tariff schedule itself says about a shipment, before and after the rules: is the code a line of the
 * schedule in force on the entry date, what is its description, and which MFN rate applies (the caller's, or the
 * general rate, or the special rate of the programme the caller claims). The rules then run with that MFN rate (the
 * all-in deals need it), and the answer gets the MFN rate, its source and the total duty.
 */
final class ScheduleDuty {
    static final String UNKNOWN_CODE = "HTS-CODE-UNKNOWN";
    static final String NOT_A_TARIFF_LINE = "HTS-CODE-NOT-A-TARIFF-LINE";
    static final String SUFFIX_UNKNOWN = "HTS-STATISTICAL-SUFFIX-UNKNOWN";
    static final String BEFORE_SCHEDULE = "HTS-BEFORE-SCHEDULE";
    static final String QUANTITY_NEEDED = "HTS-MFN-QUANTITY-NEEDED";
    static final String RATE_NOT_COMPUTED = "HTS-MFN-NOT-COMPUTED";
    static final String PROGRAMME_NOT_ON_LINE = "HTS-PROGRAMME-NOT-ON-LINE";
    static final String MFN_DIFFERS = "HTS-MFN-DIFFERS";
    private static final String BASIS = "Harmonized Tariff Schedule of the United States (USITC), 19 U.S.C. 1202";
    private static final int NEAREST = 5;

    private final Shipment shipment;
    private final HtsLine line;
    private final BigDecimal mfnRate;
    private final MfnSource source;
    private final List<Finding> findings;

    private ScheduleDuty(Shipment shipment, HtsLine line, BigDecimal mfnRate, MfnSource source, List<Finding> findings) {
        this.shipment = shipment;
        this.line = line;
        this.mfnRate = mfnRate;
        this.source = source;
        this.findings = findings;
    }

    static ScheduleDuty assess(TariffSchedule schedule, Shipment shipment) {
        List<Finding> findings = new ArrayList<>(2);
        BigDecimal callers = shipment.getMfnRate();
        MfnSource fromRequest = callers == null ? null : new MfnSource("request", null, null, null, null, null, null);
        // The HTS is the schedule of goods entering the US; an export is classified under another country's schedule.
        if (schedule.isEmpty() || !"US".equals(shipment.getDestination())) {
            return new ScheduleDuty(shipment, null, callers, fromRequest, findings);
        }
        if (!schedule.covers(shipment.getEntryDate())) {
            findings.add(notice(BEFORE_SCHEDULE, "HS code and MFN rate not checked before " + schedule.firstDay(),
                    "The tariff schedule in this rule pack starts on " + schedule.firstDay() + " (the first HTS revision "
                            + "imported); for an entry on " + shipment.getEntryDate() + " the code is not checked and no "
                            + "MFN rate is looked up."));
            return new ScheduleDuty(shipment, null, callers, fromRequest, findings);
        }
        HtsLine line = schedule.line(shipment.getHsCode(), shipment.getEntryDate());
        if (line == null && shipment.getHsCode().length() == 10) {
            // The duty is that of the 8-digit subheading; the statistical suffix only counts the goods, so a suffix
            // that is not in the schedule is a classification to fix, not an unknown rate.
            line = schedule.line(shipment.getHsCode().substring(0, 8), shipment.getEntryDate());
            if (line != null) {
                findings.add(suffixUnknown(schedule, shipment, line));
            }
        }
        if (line == null) {
            findings.add(unknown(schedule, shipment));
            return new ScheduleDuty(shipment, null, callers, fromRequest, findings);
        }
        DutyRate rate = line.generalRate();
        String column = "general";
        String programme = shipment.getPreferenceProgram();
        if (programme != null) {
            SpecialRates.Preference preference = SpecialRates.find(line.specialRates(), programme);
            if (preference == null) {
                findings.add(notice(PROGRAMME_NOT_ON_LINE, "Programme " + programme + " gives no special rate on "
                        + line.rateLine(), "The Special column of " + line.rateLine() + " is '" + line.special()
                        + "', which does not list " + programme + ", so the general rate " + line.general() + " applies."));
                programme = null;
            } else {
                rate = preference.rate();
                column = "special";
                programme = preference.programme();
            }
        }
        BigDecimal looked = percent(rate, shipment);
        MfnSource scheduled = new MfnSource(column, programme, rate.text(), line.rateLine(), line.revision(),
                line.from(), line.to());
        if (callers != null) {
            if (looked != null && looked.compareTo(callers) != 0) {
                findings.add(notice(MFN_DIFFERS, "The request's mfnRate differs from the schedule",
                        "The request gives mfnRate " + plain(callers) + "%; the HTS (" + line.revision() + ", "
                                + line.rateLine() + ", " + column + (programme == null ? "" : " " + programme) + ") gives "
                                + rate.text() + " = " + plain(looked) + "%. The request's rate is used."));
            }
            return new ScheduleDuty(shipment, line, callers, fromRequest, findings);
        }
        if (looked == null) {
            findings.add(whyNotComputed(line, rate, column, shipment));
        }
        return new ScheduleDuty(shipment, line, looked, scheduled, findings);
    }

    /** The shipment the rules see: with the MFN rate used, so the all-in caps work from it. */
    Shipment shipmentForRules() {
        return mfnRate == null || mfnRate.equals(shipment.getMfnRate()) ? shipment : shipment.withMfnRate(mfnRate);
    }

    Decision complete(Decision decision) {
        if (line == null && findings.isEmpty() && mfnRate == null) {
            return decision;
        }
        List<Finding> all = new ArrayList<>(decision.findings().size() + findings.size());
        findings.stream().filter(f -> f.kind() == FindingKind.UNKNOWN_CODE).forEach(all::add);
        all.addAll(decision.findings());
        findings.stream().filter(f -> f.kind() != FindingKind.UNKNOWN_CODE).forEach(all::add);
        BigDecimal totalRate = null;
        BigDecimal totalDuty = null;
        boolean additionalKnown = decision.additionalDutyRate() != null && decision.findings().stream()
                .noneMatch(f -> f.kind() == FindingKind.TARIFF && f.rate() == null);
        if (mfnRate != null && additionalKnown) {
            totalRate = plain(mfnRate.add(decision.additionalDutyRate()));
            totalDuty = shipment.getCustomsValue().multiply(totalRate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
        return decision.withSchedule(Outcome.of(all), List.copyOf(all), line == null ? null : line.description(),
                mfnRate == null ? null : plain(mfnRate), source, totalRate, totalDuty);
    }

    /** The rate as a percent of this shipment's customs value, or null when it cannot be worked out from the request. */
    private static BigDecimal percent(DutyRate rate, Shipment shipment) {
        if (rate.isAdValoremOnly()) {
            return rate.adValorem();
        }
        if (!rate.computable() || shipment.getQuantity() == null || shipment.getUnit() == null
                || !"USD".equals(shipment.getCurrency())) {
            return null;
        }
        return rate.percentOf(shipment.getCustomsValue(), shipment.getQuantity(), shipment.getUnit());
    }

    private static Finding whyNotComputed(HtsLine line, DutyRate rate, String column, Shipment shipment) {
        String where = line.rateLine() + " (" + line.revision() + ", " + column + ")";
        if (!rate.computable()) {
            return notice(RATE_NOT_COMPUTED, "MFN rate of " + line.rateLine() + " not worked out",
                    "The rate of " + where + " is '" + rate.text() + "', which this check cannot work out; send mfnRate "
                            + "(percent) to get the total duty. Totals are left out, not guessed.");
        }
        List<String> units = rate.specific().stream().map(DutyRate.Specific::unit).distinct().toList();
        String missing;
        if (shipment.getQuantity() == null || shipment.getUnit() == null) {
            missing = "the request gives no quantity and unit";
        } else if (!"USD".equals(shipment.getCurrency())) {
            missing = "the specific part is in US dollars and the customs value is in " + shipment.getCurrency();
        } else if (Units.canonical(shipment.getUnit()) == null) {
            missing = "the unit '" + shipment.getUnit() + "' is not one a rate is stated in";
        } else {
            missing = "a quantity in " + shipment.getUnit() + " does not convert to " + String.join(" and ", units);
        }
        return notice(QUANTITY_NEEDED, "Quantity needed for the MFN rate of " + line.rateLine(),
                "The rate of " + where + " is '" + rate.text() + "', charged per " + String.join(" and ", units) + "; "
                        + missing + ". Send quantity and unit (" + String.join(", ", units) + ") or mfnRate to get the "
                        + "total duty. Totals are left out, not guessed.");
    }

    private static Finding unknown(TariffSchedule schedule, Shipment shipment) {
        String code = shipment.getHsCode();
        String shown = dotted(code);
        List<HtsLine> nearest = schedule.nearest(code, shipment.getEntryDate(), NEAREST);
        String candidates = nearest.isEmpty() ? "" : " Nearest lines in force: " + String.join("; ",
                nearest.stream().map(l -> l.code() + " " + last(l)).toList()) + ".";
        if (code.length() < 8 && !schedule.withPrefix(code, shipment.getEntryDate(), 1).isEmpty()) {
            return notice(NOT_A_TARIFF_LINE, shown + " is not a tariff line: give 8 or 10 digits",
                    "The HTS has no rate for " + shown + " itself, only for its 8-digit subheadings, so no MFN rate is "
                            + "looked up and measures scoped to longer codes cannot be matched." + candidates);
        }
        List<HtsLine> history = schedule.history(code);
        String when = history.isEmpty() ? " It is in no revision of the schedule imported ("
                + schedule.revisions().get(0).name() + " to " + schedule.revisions().get(schedule.revisions().size() - 1).name()
                + ")." : " It was in force from " + history.get(0).from() + " to " + history.get(history.size() - 1).to() + ".";
        return new Finding(UNKNOWN_CODE, FindingKind.UNKNOWN_CODE, shown + " is not in the tariff schedule on "
                + shipment.getEntryDate(), null, null, BASIS, null, null, null, null,
                "The HS code is not a line of the HTS in force on the entry date, so measures keyed on it may be missed "
                        + "and no MFN rate is known: check the classification." + when + candidates);
    }

    private static Finding suffixUnknown(TariffSchedule schedule, Shipment shipment, HtsLine subheading) {
        List<HtsLine> valid = schedule.withPrefix(shipment.getHsCode().substring(0, 8), shipment.getEntryDate(), 12);
        return notice(SUFFIX_UNKNOWN, dotted(shipment.getHsCode()) + " has a statistical suffix not in the schedule",
                "Subheading " + subheading.code() + " is in the HTS on " + shipment.getEntryDate() + " and its rates apply, "
                        + "but the 10-digit number is not: the entry needs one of its statistical suffixes: "
                        + String.join("; ", valid.stream().filter(l -> l.digits().length() == 10)
                                .map(l -> l.code() + " " + last(l)).toList()) + ".");
    }

    private static String last(HtsLine line) {
        List<String> path = line.descriptionPath();
        return "(" + path.get(path.size() - 1) + ")";
    }

    private static Finding notice(String ruleId, String title, String explanation) {
        return new Finding(ruleId, FindingKind.NOTICE, title, null, null, BASIS, null, null, null, null, explanation);
    }

    private static String dotted(String digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i == 4 || i == 6 || i == 8) {
                s.append('.');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }
}
