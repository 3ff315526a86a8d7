package io.tradecheck.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a version is activated or rolled back. Who does it is the authenticated caller; {@code by} stays readable so that
 * clients that still send it are not refused, and is ignored.
 */
public record ActivationRequest(
        @Schema(description = "Ignored: the authenticated caller is recorded as who activates", deprecated = true)
        @Size(max = 100) String by,
        @Schema(description = "Why, in a sentence: kept in the version history", examples = "EO 14316: JP rate 25%")
        @Size(max = 2000) String comment) {

    static String comment(ActivationRequest body) {
        return body == null ? null : body.comment();
    }
}
