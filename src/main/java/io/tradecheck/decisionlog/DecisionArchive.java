package io.tradecheck.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The decision log as auditors read it: every record with its full answer. The store keeps the request and a digest of
 * the answer; the answer is rebuilt here by replaying the request on the recorded rule set on the recorded evaluation
 * date, and given out only if it digests to what was sent. An answer that cannot be rebuilt (rule set no longer
 * compiles, digest differs) is given as the stored summary, marked {@code "rebuilt": false} with the reason: never an
 * answer that was not the one sent.
 */
public final class DecisionArchive {
    private static final Logger LOG = Logger.getLogger(DecisionArchive.class);

    /** The rule set with a digest, compiled: the one in force, or one recompiled from the rule history. */
    @FunctionalInterface
    public interface RuleSets {
        Optional<RuleSet> find(String digest) throws SQLException;
    }

    private final DecisionStore store;
    private final RuleSets ruleSets;
    private final ShipmentChecker checker;
    private final ObjectMapper json;
    private final ObjectMapper reader;

    public DecisionArchive(DecisionStore store, RuleSets ruleSets, ShipmentChecker checker, ObjectMapper json) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.checker = checker;
        this.json = json;
        // Requests logged before a field was dropped from the contract must still replay.
        this.reader = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<LoggedDecision> find(String id) throws SQLException {
        Optional<DecisionRecord> row = store.find(id);
        return row.isEmpty() ? Optional.empty() : Optional.of(full(row.get()));
    }

    public List<LoggedDecision> query(DecisionQuery q) throws SQLException {
        return store.query(q).stream().map(this::full).toList();
    }

    public void stream(DecisionQuery q, Consumer<LoggedDecision> sink) throws SQLException {
        store.stream(q, row -> sink.accept(full(row)));
    }

    public long count(DecisionQuery q) throws SQLException {
        return store.count(q);
    }

    /** The request as it was decided (the logged JSON, read leniently). */
    public CheckRequest request(LoggedDecision d) {
        return read(d.requestJson(), CheckRequest.class);
    }

    LoggedDecision full(DecisionRecord stored) {
        DecisionRecord r = stored.withRequestJson(requestWithReference(stored));
        return new LoggedDecision(r.id().toString(), r.decidedAt(), r.caller(), r.reference(), r.outcome(),
                r.ruleSetVersion(), r.ruleSetDigest(), r.batchJob(), r.batchLine(), r.requestJson(), answer(r));
    }

    /** The request as received: the log stores it without its reference when the reference column holds it. */
    private String requestWithReference(DecisionRecord r) {
        if (r.reference() == null || r.requestJson().startsWith("{\"reference\"")) {
            return r.requestJson();
        }
        try {
            ObjectNode stored = (ObjectNode) json.readTree(r.requestJson());
            if (stored.has("reference")) {
                return r.requestJson();
            }
            ObjectNode request = json.createObjectNode().put("reference", r.reference());
            request.setAll(stored);
            return json.writeValueAsString(request);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("logged request of " + r.id() + " cannot be read", e);
        }
    }

    private String answer(DecisionRecord r) {
        if (r.answerJson() != null) {
            // Kept in full: an answer logged before issue 12 (it holds its id already) or one whose rules were not recorded.
            return r.answerSha256() == null ? r.answerJson() : write(read(r.answerJson(), Decision.class).withDecisionId(r.id().toString()));
        }
        String reason;
        try {
            Optional<RuleSet> ruleSet = ruleSets.find(r.ruleSetDigest());
            if (ruleSet.isPresent()) {
                Decision again = checker.evaluate(read(r.requestJson(), CheckRequest.class), ruleSet.get(), r.evaluationDate());
                if (Arrays.equals(AnswerDigest.of(write(again.withDecisionId(null))), r.answerSha256())) {
                    return write(again.withDecisionId(r.id().toString()));
                }
                reason = "the replay on rule set " + r.ruleSetDigest() + " does not reproduce the answer's digest";
            } else {
                reason = "rule set " + r.ruleSetDigest() + " is not in the rule history";
            }
        } catch (SQLException | RuntimeException e) {
            reason = "the replay failed: " + e.getMessage();
        }
        LOG.warnf("Decision %s: answer not rebuilt (%s)", r.id(), reason);
        return write(summary(r, reason));
    }

    private ObjectNode summary(DecisionRecord r, String reason) {
        ObjectNode o = json.createObjectNode();
        o.put("decisionId", r.id().toString());
        o.put("reference", r.reference());
        o.put("decision", r.outcome());
        o.put("additionalDutyRate", r.dutyRate());
        o.put("additionalDuty", r.duty());
        o.put("evaluationDate", r.evaluationDate() == null ? null : r.evaluationDate().toString());
        o.putObject("ruleSet").put("version", r.ruleSetVersion()).put("digest", r.ruleSetDigest());
        var ids = o.putArray("ruleIds");
        if (r.ruleIds() != null) {
            Arrays.stream(r.ruleIds().split(" ")).forEach(ids::add);
        }
        o.put("answerSha256", r.answerSha256() == null ? null : java.util.HexFormat.of().formatHex(r.answerSha256()));
        o.put("rebuilt", false);
        o.put("reason", reason);
        return o;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return reader.readValue(text, type);
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
