package io.tradecheck.model;

/** What a finding says about a shipment. Order matters: {@link Outcome#of} reads the most restrictive. */
public enum FindingKind {
    TARIFF,
    PAUSED_TARIFF,
    EXEMPTION,
    LICENSE_REQUIRED,
    PROHIBITION,
    NOTICE,
    /** The HS code is not in the tariff schedule in force on the entry date: the decision is REVIEW, never CLEAR. */
    UNKNOWN_CODE
}
