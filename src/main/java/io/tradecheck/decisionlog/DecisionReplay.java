package io.tradecheck.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Re-runs a logged request on the rule set it was decided with and on the one in force now, on the date it was first
 * decided (so a request without an entry date means the same day it meant then), and says what changed. Replays are
 * not recorded: they are not new decisions.
 */
public final class DecisionReplay {

    /**
     * @param recorded          the answer as it was sent
     * @param withRecordedRules the same request on the recorded rule set today; null if those files were never recorded
     * @param reproduced        whether that replay gives exactly the recorded answer
     * @param withActiveRules   the same request on the rule set in force now
     * @param changes           from the recorded answer to the answer with the active rules
     */
    public record Result(String decisionId, String recordedRuleSetDigest, String activeRuleSetDigest, Decision recorded,
                         Decision withRecordedRules, Boolean reproduced, Decision withActiveRules,
                         List<DecisionDiff.Change> changes) {
    }

    private final DecisionArchive store;
    private final RuleSetRegistry registry;
    private final ShipmentChecker checker;
    private final ObjectMapper json;

    public DecisionReplay(DecisionArchive store, RuleSetRegistry registry, ShipmentChecker checker, ObjectMapper json) {
        this.store = store;
        this.registry = registry;
        this.checker = checker;
        // Requests logged before a field was dropped from the contract must still replay.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<Result> replay(String decisionId) throws SQLException {
        Optional<LoggedDecision> found = store.find(decisionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoggedDecision row = found.get();
        CheckRequest request = read(row.requestJson(), CheckRequest.class);
        Decision logged = read(row.responseJson(), Decision.class);
        Decision recorded = logged;
        if (logged.findings() == null) {
            // The answer could not be rebuilt (see DecisionArchive): only its summary is known.
            recorded = new Decision(logged.reference(), logged.decision(), logged.additionalDutyRate(),
                    logged.additionalDuty(), logged.currency(), logged.evaluationDate(), List.of(), logged.ruleSet())
                    .withDecisionId(logged.decisionId());
        }
        RuleSet active = registry.active();
        Decision now = checker.evaluate(request, active, recorded.evaluationDate());
        Optional<RuleSet> then = registry.find(row.ruleSetDigest());
        java.time.LocalDate asOf = logged.evaluationDate();
        Decision again = then.map(r -> checker.evaluate(request, r, asOf)).orElse(null);
        Boolean reproduced = again == null ? null : write(again.withDecisionId(row.id())).equals(row.responseJson());
        return Optional.of(new Result(row.id(), row.ruleSetDigest(), active.info().digest(), recorded, again, reproduced,
                now, DecisionDiff.between(recorded, now)));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("logged " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
