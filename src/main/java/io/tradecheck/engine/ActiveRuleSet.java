package io.tradecheck.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in force, swapped atomically. A check takes {@link #current()} once and uses that rule set to the end,
 * so a swap never mixes two versions within one decision.
 */
public final class ActiveRuleSet {
    private final AtomicReference<RuleSet> current;

    public ActiveRuleSet(RuleSet initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public RuleSet current() {
        return current.get();
    }

    /** Puts {@code next} in force and returns the rule set it replaced. */
    public RuleSet activate(RuleSet next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }
}
