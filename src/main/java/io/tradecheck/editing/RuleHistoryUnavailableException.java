package io.tradecheck.editing;

/** The database holding the rule history could not be read or written: nothing goes into force without its entry. */
public class RuleHistoryUnavailableException extends RuntimeException {
    public RuleHistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
