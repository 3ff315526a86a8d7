package io.tradecheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.decisionlog.LoggedDecision;
import io.tradecheck.model.RuleSetRef;
import java.time.Instant;

/** A logged decision as the API shows it: the stored request and answer as JSON objects, not strings. */
public record DecisionEntry(String id, Instant decidedAt, String caller, String reference, String decision,
                            RuleSetRef ruleSet, String batchJob, Integer batchLine, JsonNode request, JsonNode response) {

    static DecisionEntry of(LoggedDecision d, ObjectMapper json) {
        try {
            return new DecisionEntry(d.id(), d.decidedAt(), d.caller(), d.reference(), d.outcome(),
                    new RuleSetRef(d.ruleSetVersion(), d.ruleSetDigest()), d.batchJob(), d.batchLine(),
                    json.readTree(d.requestJson()), json.readTree(d.responseJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("logged decision " + d.id() + " is not valid JSON", e);
        }
    }
}
