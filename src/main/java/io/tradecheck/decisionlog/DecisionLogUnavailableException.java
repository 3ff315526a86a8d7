package io.tradecheck.decisionlog;

/**
 * The decision could not be put in the log in time. In durable mode the answer is then withheld (HTTP 503): a decision
 * that is not on record is not given.
 */
public class DecisionLogUnavailableException extends RuntimeException {
    public DecisionLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
