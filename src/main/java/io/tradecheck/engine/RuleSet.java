package io.tradecheck.engine;

import io.tradecheck.model.Decision;
import io.tradecheck.model.RuleSetRef;
import io.tradecheck.model.Shipment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One compiled, immutable version of the rule pack. Thread-safe: each check gets its own short-lived session on the
 * shared KieBase, with only the shipment inserted (tables are compiled into the rules, never inserted per check).
 */
public final class RuleSet {
    private final RuleSetInfo info;
    private final KieBase kieBase;
    private final MeasureRows rows;
    private final RuleSetRef ref;
    private final DecisionAssembler assembler;
    private final Clock clock;

    RuleSet(RuleSetInfo info, KieBase kieBase, MeasureRows rows, Clock clock) {
        this.info = info;
        this.kieBase = kieBase;
        this.rows = rows;
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
        return rows;
    }

    public Clock clock() {
        return clock;
    }

    public Decision check(Shipment shipment) {
        return assembler.assemble(shipment, evaluate(shipment));
    }

    /** Runs the rules and returns what survives them: the hits, and the exemptions that lifted other hits. */
    public Evaluation evaluate(Shipment shipment) {
        KieSession session = kieBase.newKieSession();
        try {
            if (rows.size() > 0) {
                session.setGlobal("rows", rows);
            }
            session.insert(shipment);
            session.fireAllRules();
            List<MeasureHit> hits = new ArrayList<>();
            List<Exemption> exemptions = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof MeasureHit hit) {
                    hits.add(hit);
                } else if (o instanceof Exemption exemption) {
                    exemptions.add(exemption);
                }
            }
            return new Evaluation(hits, exemptions);
        } finally {
            session.dispose();
        }
    }

    /** The raw result of the rules for one shipment, before it is turned into a {@link Decision}. */
    public record Evaluation(List<MeasureHit> hits, List<Exemption> exemptions) {
    }
}
