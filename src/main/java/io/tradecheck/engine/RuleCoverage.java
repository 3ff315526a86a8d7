package io.tradecheck.engine;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Each table row that no evaluation matched and each logic rule that never fired, as a problem at its file and
     * line (a logic rule at the line that names it in {@code source}).
     */
    public List<RulePackProblem> notExercised(RuleSet ruleSet, RulePackSource source) {
        List<RulePackProblem> missing = new ArrayList<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (!rows.contains(row.location())) {
                missing.add(new RulePackProblem(row.file(), row.line(), null,
                        "row " + row.measureId() + " is exercised by no scenario: add one that matches it"));
            }
        }
        for (String rule : ruleSet.logicRules()) {
            if (!logicRules.contains(rule)) {
                int colon = rule.indexOf(": ");
                String file = rule.substring(0, colon);
                String name = rule.substring(colon + 2);
                missing.add(new RulePackProblem(file, source.lineOf(file, "rule \"" + name + "\""), null,
                        "logic rule '" + name + "' is exercised by no scenario: add one where it fires"));
            }
        }
        Set<String> referenced = new java.util.HashSet<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (row.hsList() != null) {
                referenced.add(row.hsList());
            }
        }
        // A list nobody names, or whose duty no scenario shows, is as unchecked as an unexercised row.
        for (ProductList list : ruleSet.rows().lists().values()) {
            if (!referenced.contains(list.id())) {
                missing.add(new RulePackProblem(list.file(), 1, null,
                        "product list " + list.id() + " is named by no table row (hsList) and so exercised by no scenario"));
            } else if (!lists.contains(list.id())) {
                missing.add(new RulePackProblem(list.file(), 1, null,
                        "product list " + list.id() + " is exercised by no scenario: add one that matches a row through it"));
            }
        }
        return missing;
    }
}
