package io.tradecheck.engine;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which table rows matched and which logic rules fired over many evaluations, for the scenario coverage
 * report. A row counts as exercised when it matched, even if a later rule lifted it. Attached only to the sessions of
 * the scenario runner; the checks that serve requests never carry it.
 */
public final class RuleCoverage extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final Set<String> rows = ConcurrentHashMap.newKeySet();
    private final Set<String> logicRules = ConcurrentHashMap.newKeySet();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof MeasureHit hit) {
            rows.add(hit.getRow().location());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        logicRules.add(RuleSet.describe(rule));
    }

    /** Table rows (file:line) that no evaluation matched. */
    public Set<String> rowsNotExercised(RuleSet ruleSet) {
        Set<String> missing = new TreeSet<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (!rows.contains(row.location())) {
                missing.add(row.location() + " " + row.measureId());
            }
        }
        return missing;
    }

    /** Logic rules (file: name) that never fired. */
    public Set<String> logicRulesNotExercised(RuleSet ruleSet) {
        Set<String> missing = new TreeSet<>(ruleSet.logicRules());
        missing.removeAll(logicRules);
        return missing;
    }
}
