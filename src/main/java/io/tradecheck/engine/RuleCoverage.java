package io.tradecheck.engine;

import java.util.Set;
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
    private final Set<String> lists = ConcurrentHashMap.newKeySet();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof MeasureHit hit) {
            rows.add(hit.getRow().location());
            if (hit.getHsList() != null) {
                lists.add(hit.getHsList());
            }
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

    /** Whether any evaluation matched this table row. */
    public boolean exercised(MeasureRow row) {
        return rows.contains(row.location());
    }

    /** Whether this logic rule ("file: rule name", as {@link RuleSet#logicRules()} names it) fired at least once. */
    public boolean fired(String logicRule) {
        return logicRules.contains(logicRule);
    }

    /** Whether any evaluation matched a row through this product list. */
    public boolean listExercised(String listId) {
        return lists.contains(listId);
    }
}
