package io.tradecheck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradecheck.pack.RulePackProblem;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), with {@code errors} naming each offending field, and
 * for a rule pack that cannot go live {@code problems} naming each file, line, column and reason.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      List<RulePackProblem> problems) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String reason) {
    }

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Problem("/problems/" + slug, title, status, detail, null, errors, List.of());
    }

    public Problem withProblems(List<RulePackProblem> rulePackProblems) {
        return new Problem(type, title, status, detail, instance, errors, List.copyOf(rulePackProblems));
    }
}
