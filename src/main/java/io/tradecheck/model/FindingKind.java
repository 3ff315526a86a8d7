package io.tradecheck.model;

/** What a finding says about a shipment. Order matters: {@link Outcome#of} reads the most restrictive. */
public enum FindingKind {
    TARIFF,
    PAUSED_TARIFF,
    EXEMPTION,
    LICENSE_REQUIRED,
    PROHIBITION,
    NOTICE
}
