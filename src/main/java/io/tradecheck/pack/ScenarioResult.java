package io.tradecheck.pack;

import io.tradecheck.model.Decision;
import java.util.List;

/** How one scenario fared: the decision it got and, if it failed, every mismatch. */
public record ScenarioResult(String file, String topic, String name, Decision decision, List<String> failures) {
    public boolean passed() {
        return failures.isEmpty();
    }
}
