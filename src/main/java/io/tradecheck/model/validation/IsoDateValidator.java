package io.tradecheck.model.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

public class IsoDateValidator implements ConstraintValidator<IsoDate, String> {

    /** Strict: 2025-02-30 and 2025-2-3 are refused, not rolled over. */
    public static boolean isDate(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isDate(value.trim());
    }
}
