package io.tradecheck.model;

import java.util.Collection;

/** The one-word answer of a check: the most restrictive outcome that any finding implies. */
public enum Outcome {
    PROHIBITED,
    LICENSE_REQUIRED,
    DUTIABLE,
    CLEAR;

    /** PROHIBITED beats LICENSE_REQUIRED beats DUTIABLE (any additional duty) beats CLEAR. */
    public static Outcome of(Collection<Finding> findings) {
        Outcome outcome = CLEAR;
        for (Finding f : findings) {
            Outcome implied = switch (f.kind()) {
                case PROHIBITION -> PROHIBITED;
                case LICENSE_REQUIRED -> LICENSE_REQUIRED;
                case TARIFF -> f.rate() != null && f.rate().signum() > 0 ? DUTIABLE : CLEAR;
                default -> CLEAR;
            };
            if (implied.ordinal() < outcome.ordinal()) {
                outcome = implied;
            }
        }
        return outcome;
    }
}
