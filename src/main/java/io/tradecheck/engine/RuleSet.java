package io.tradecheck.engine;

import io.tradecheck.model.Decision;
import io.tradecheck.model.RuleSetRef;
import io.tradecheck.model.Shipment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled, immutable version of the rule pack. Thread-safe. A check looks up the table rows that match the
 * shipment in the {@link MeasureIndex} (hash lookups on HS prefix and countries, never a scan), then runs the logic
 * rules (rules/logic/*.drl) over the shipment and those few hits in a session borrowed from a pool: the session is
 * reset and returned after the check, so no check builds a session or inserts a table.
 */
public final class RuleSet {
    private final RuleSetInfo info;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final MeasureIndex index;
    private final RuleSetRef ref;
    private final DecisionAssembler assembler;
    private final Clock clock;

    public RuleSet(RuleSetInfo info, KieBase kieBase, MeasureIndex index, Clock clock) {
        this.info = info;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.index = index;
        this.clock = clock;
        this.ref = new RuleSetRef(info.version(), info.digest());
        this.assembler = new DecisionAssembler(ref, info.reviewedThrough());
    }

    public RuleSetInfo info() {
        return info;
    }

    public RuleSetRef ref() {
        return ref;
    }

    public MeasureRows rows() {
        return index.rows();
    }

    public Clock clock() {
        return clock;
    }

    public Decision check(Shipment shipment) {
        return assembler.assemble(shipment, evaluate(shipment, null));
    }

    /** As {@link #check(Shipment)}, recording into {@code coverage} which rows matched and which logic rules fired. */
    public Decision check(Shipment shipment, RuleCoverage coverage) {
        return assembler.assemble(shipment, evaluate(shipment, coverage));
    }

    /** Runs the rules and returns what survives them: the hits, and what the logic rules recorded about them. */
    public Evaluation evaluate(Shipment shipment) {
        return evaluate(shipment, null);
    }

    private Evaluation evaluate(Shipment shipment, RuleCoverage coverage) {
        List<MeasureHit> matched = index.match(shipment);
        // A pooled session keeps its listeners across checks, so a coverage run gets a session of its own.
        KieSession session = coverage == null ? sessions.newKieSession() : kieBase.newKieSession();
        try {
            if (coverage != null) {
                session.addEventListener((org.kie.api.event.rule.AgendaEventListener) coverage);
                session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) coverage);
            }
            session.insert(shipment);
            for (MeasureHit hit : matched) {
                session.insert(hit);
            }
            session.fireAllRules();
            List<MeasureHit> hits = new ArrayList<>(matched.size());
            List<Exemption> exemptions = new ArrayList<>();
            List<Notice> notices = new ArrayList<>();
            List<Superseded> superseded = new ArrayList<>();
            List<NonMetalShare> nonMetalShares = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof MeasureHit hit) {
                    hits.add(hit);
                } else if (o instanceof Exemption exemption) {
                    exemptions.add(exemption);
                } else if (o instanceof Notice notice) {
                    notices.add(notice);
                } else if (o instanceof Superseded s) {
                    superseded.add(s);
                } else if (o instanceof NonMetalShare share) {
                    nonMetalShares.add(share);
                }
            }
            return new Evaluation(hits, exemptions, notices, superseded, nonMetalShares);
        } finally {
            // For a pooled session, dispose() resets it and hands it back to the pool.
            session.dispose();
        }
    }

    /** Names of the logic rules (rules/logic/*.drl), as "file: rule name", for the coverage report. */
    public List<String> logicRules() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(RuleSet::describe).sorted().toList();
    }

    static String describe(Rule rule) {
        String file = rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null
                ? impl.getResource().getSourcePath() : rule.getPackageName();
        return file + ": " + rule.getName();
    }

    /** The raw result of the rules for one shipment, before it is turned into a {@link Decision}. */
    public record Evaluation(List<MeasureHit> hits, List<Exemption> exemptions, List<Notice> notices,
                             List<Superseded> superseded, List<NonMetalShare> nonMetalShares) {
    }
}
