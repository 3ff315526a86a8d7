package io.tradecheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.decisionlog.LoggedDecision;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.RuleSetRef;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A logged decision as the API shows it: the stored request and answer as JSON objects, not strings. They are kept as
 * they were sent and answered (an older answer may lack fields added since), and described as the request and the
 * decision, so that a generated client reads them as typed objects.
 */
public record DecisionEntry(String id, Instant decidedAt, String caller, String reference, String decision,
                            RuleSetRef ruleSet, String batchJob, Integer batchLine,
                            @Schema(implementation = CheckRequest.class) JsonNode request,
                            @Schema(implementation = Decision.class) JsonNode response) {

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
