package io.tradecheck.pack;

import java.util.List;

/** A scenario file under rules/scenarios/: one topic, its cases. */
public record ScenarioFile(String topic, List<Scenario> scenarios) {
}
