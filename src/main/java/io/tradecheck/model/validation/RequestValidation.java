package io.tradecheck.model.validation;

import io.tradecheck.model.CheckRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Bean Validation set-up for a request, and the one wording of what is wrong with it: the API, batch lines, the
 * impact analysis and scenarios all report a violation as the field and the API's reason. Outside Quarkus (command
 * line, scenarios, tests) the validator is built here; the API's messages are interpolated with Expression Language
 * ("must be greater than or equal to 0"), and the EL implementation ships with the app, so the default interpolator is
 * used; only without one does it fall back to {@link ParameterMessageInterpolator}.
 */
public final class RequestValidation {
    private static volatile ValidatorFactory factory;

    /**
     * One failed constraint.
     *
     * @param field  the request field; null when the request as a whole is wrong (each caller names that: the body,
     *               the line, the shipment)
     * @param reason the constraint's message and, when short, the value that broke it
     */
    public record Violation(String field, String reason) {
    }

    private RequestValidation() {
    }

    public static Validator validator() {
        ValidatorFactory f = factory;
        if (f == null) {
            synchronized (RequestValidation.class) {
                if (factory == null) {
                    factory = build();
                }
                f = factory;
            }
        }
        return f.getValidator();
    }

    /** Every failed constraint, worded once, sorted by field and reason. */
    public static List<Violation> violations(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new Violation(fieldOf(v), reasonOf(v)))
                .sorted(Comparator.comparing(Violation::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Violation::reason)).toList();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        String last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        // A violation on the API's body parameter itself (no body sent) is on the request as a whole.
        return "request".equals(last) ? null : last;
    }

    private static String reasonOf(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        boolean showValue = value != null && !(value instanceof CheckRequest) && String.valueOf(value).length() <= 60;
        return v.getMessage() + (showValue ? " (got '" + value + "')" : "");
    }

    private static ValidatorFactory build() {
        try {
            return Validation.buildDefaultValidatorFactory();
        } catch (RuntimeException noExpressionLanguage) {
            return Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        }
    }
}
