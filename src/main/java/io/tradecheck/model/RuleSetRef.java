package io.tradecheck.model;

/** Which rule set produced a decision: enough to find and replay it later. */
public record RuleSetRef(String version, String digest) {
}
