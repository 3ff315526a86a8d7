package io.tradecheck.editing;

/** No draft, version or file by that name. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
