package io.tradecheck.editing;

/** The draft holds exactly the files in force: activating it would record a version that changes nothing. */
public class UnchangedDraftException extends ActivationConflictException {
    public UnchangedDraftException(String message) {
        super(message);
    }
}
