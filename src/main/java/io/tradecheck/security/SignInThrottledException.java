package io.tradecheck.security;

import java.time.Duration;

/** Too many failed sign-ins for this account or from this address: refused unchecked until the lockout ends (429). */
public final class SignInThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + Math.max(1, retryAfter.toSeconds()) + " s.", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
