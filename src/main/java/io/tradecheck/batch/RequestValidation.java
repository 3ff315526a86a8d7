package io.tradecheck.batch;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation outside Quarkus (command line, tests), worded as the API words it. The API's messages are
 * interpolated with Expression Language ("must be greater than or equal to 0"), and the EL implementation ships with
 * the app, so the default interpolator is used; only without one does it fall back to
 * {@link ParameterMessageInterpolator}, which leaves such expressions unexpanded.
 */
public final class RequestValidation {
    private static volatile ValidatorFactory factory;

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

    private static ValidatorFactory build() {
        try {
            return Validation.buildDefaultValidatorFactory();
        } catch (RuntimeException noExpressionLanguage) {
            return Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        }
    }
}
