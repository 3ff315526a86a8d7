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

    /**
     * Product lists (rules/lists/) that no row names, or that no evaluation matched through a row naming them: a list
     * nobody uses, or whose duty no scenario shows, is as unchecked as an unexercised row.
     */
    public Set<String> listsNotExercised(RuleSet ruleSet) {
        Set<String> referenced = new java.util.HashSet<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (row.hsList() != null) {
                referenced.add(row.hsList());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (ProductList list : ruleSet.rows().lists().values()) {
            if (!referenced.contains(list.id())) {
                missing.add(list.file() + " (no table row names it in hsList)");
            } else if (!lists.contains(list.id())) {
                missing.add(list.file() + " (no scenario matched a row through it)");
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
