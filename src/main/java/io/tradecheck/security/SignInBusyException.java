package io.tradecheck.security;

/** Too many password checks are running or waiting: the caller should retry shortly (503 with Retry-After). */
public final class SignInBusyException extends RuntimeException {
    public SignInBusyException() {
        super("Too many sign-ins are being checked right now; retry in a second.", null, false, false);
    }
}
