package io.tradecheck.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.engine.RuleSetInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/v1/rules}: the rule set in force (every field of {@link RuleSetInfo}, at the top level as before),
 * plus its entry in the version history and the state of the rules folder.
 *
 * @param status    {@code OK}, or {@code ERROR} when the last load of the rules folder failed and the previous
 *                  version is still serving
 * @param lastError that failure: when, what triggered it, and each problem with file, line, column and reason
 * @param activation the history entry of the version in force
 * @param watching  whether edits of the rules folder are picked up without a restart
 */
public record RulesOverview(
        @JsonUnwrapped RuleSetInfo ruleSet,
        @Schema(enumeration = {"OK", "ERROR"}) RuleActivation.Status status,
        RuleActivation.LoadError lastError,
        RuleVersion activation,
        boolean watching) {

    static RulesOverview of(RuleActivation.State state, boolean watching) {
        return new RulesOverview(state.ruleSet().info(), state.status(), state.lastError(), state.version(), watching);
    }
}
