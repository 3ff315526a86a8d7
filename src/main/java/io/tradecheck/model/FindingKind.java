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
    UNKNOWN_CODE,

    /**
     * A measure touching the shipment changes within the request's horizon after the entry date (the tariff-cliff
     * warning). Computed by the engine from the rows' date windows, never written in a table; no effect on the duty.
     */
    UPCOMING_CHANGE
}
