package io.tradecheck.pack;

import io.tradecheck.model.CheckRequest;

/**
 * One readable case: a sentence saying what should happen and why, a shipment, and what the decision must show.
 */
public record Scenario(String name, CheckRequest shipment, Expectation expect) {
}
