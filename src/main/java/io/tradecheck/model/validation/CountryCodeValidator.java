package io.tradecheck.model.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

public class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {
    /** The JDK's copy of ISO 3166-1 alpha-2: assigned codes only, so "UK" or "XX" are refused. */
    public static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public static boolean isCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isCountry(value);
    }
}
