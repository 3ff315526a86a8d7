package io.tradecheck.model.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

public class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {
    private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    public static boolean isCurrency(String code) {
        return code != null && ISO_CURRENCIES.contains(code.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isCurrency(value);
    }
}
