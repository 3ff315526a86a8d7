package io.tradecheck.model;

import java.util.Collection;

/** The one-word answer of a check: the most restrictive outcome that any finding implies. */
public enum Outcome {
    PROHIBITED,
    LICENSE_REQUIRED,
    DUTIABLE,
    /** Nothing else stops or charges the goods, but the HS code is not in the tariff schedule on the entry date. */
    REVIEW,
    CLEAR;

    /**
     * PROHIBITED beats LICENSE_REQUIRED beats DUTIABLE (any additional duty, or one of unknown rate) beats REVIEW (a code
     * not in the schedule) beats CLEAR.
     */
    public static Outcome of(Collection<Finding> findings) {
        Outcome outcome = CLEAR;
        for (Finding f : findings) {
            Outcome implied = switch (f.kind()) {
                case PROHIBITION -> PROHIBITED;
                case LICENSE_REQUIRED -> LICENSE_REQUIRED;
                // A tariff whose rate could not be computed (e.g. an all-in rate without the MFN rate) may still be owed.
                case TARIFF -> f.rate() == null || f.rate().signum() > 0 ? DUTIABLE : CLEAR;
                case UNKNOWN_CODE -> REVIEW;
                default -> CLEAR;
            };
            if (implied.ordinal() < outcome.ordinal()) {
                outcome = implied;
            }
        }
        return outcome;
    }
}
