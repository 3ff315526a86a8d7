package io.tradecheck.batch;

/** The file as a whole cannot be read as an order file: wrong format or encoding, no header, an unknown column. */
public class OrderFileException extends RuntimeException {
    public OrderFileException(String message) {
        super(message);
    }

    public OrderFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
