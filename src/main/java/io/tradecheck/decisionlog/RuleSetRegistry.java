package io.tradecheck.decisionlog;

import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.engine.RuleSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled rule sets by digest, for replays: the one in force, a few recently used ones, and any other recompiled
 * from the files the rule history keeps. Recompiling takes about a second, so the last few are kept.
 */
public final class RuleSetRegistry {
    private static final int KEEP = 4;

    private final ActiveRuleSet active;
    private final RuleHistory history;
    private final Map<String, RuleSet> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > KEEP;
        }
    };

    public RuleSetRegistry(ActiveRuleSet active, RuleHistory history) {
        this.active = active;
        this.history = history;
    }

    public RuleSet active() {
        return active.current();
    }

    /** The rule set with this digest, or empty if it was never recorded. */
    public synchronized Optional<RuleSet> find(String digest) {
        RuleSet current = active.current();
        if (current.info().digest().equals(digest)) {
            return Optional.of(current);
        }
        RuleSet cached = recent.get(digest);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RuleSet> compiled = history.source(digest).map(source -> new RulePackCompiler().compile(source));
        compiled.ifPresent(r -> recent.put(digest, r));
        return compiled;
    }
}
