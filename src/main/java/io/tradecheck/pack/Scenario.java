package io.tradecheck.pack;

import io.tradecheck.model.CheckRequest;

/**
 * One readable case: a sentence saying what should happen and why, a shipment, and what the decision must show.
 *
 * @param primaryText optional: the sentence of the primary legal text (HTSUS U.S. note, CSMS, proclamation, MOFCOM
 *                    announcement) the case was written from, so a reviewer checks it against the law, not the tables
 */
public record Scenario(String name, CheckRequest shipment, Expectation expect, String primaryText) {
}
