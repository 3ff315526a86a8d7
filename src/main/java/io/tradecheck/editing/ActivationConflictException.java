package io.tradecheck.editing;

/** The draft was made from a version that is no longer in force: activating it would undo what went live since. */
public class ActivationConflictException extends RuntimeException {
    public ActivationConflictException(String message) {
        super(message);
    }
}
