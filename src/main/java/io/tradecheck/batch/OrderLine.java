package io.tradecheck.batch;

import io.tradecheck.model.CheckRequest;
import java.util.List;

/**
 * One line of an order file as read: a request to check, or the reasons it could not be read.
 *
 * @param number    the line number a person finds in the file: the physical line (CSV, NDJSON) or the row (XLSX)
 * @param reference the line's reference, when it could be read even though the line could not
 */
public record OrderLine(long number, String reference, CheckRequest request, List<LineError> errors) {

    public static OrderLine of(long number, CheckRequest request) {
        return new OrderLine(number, request.reference(), request, List.of());
    }

    public static OrderLine unreadable(long number, String reference, List<LineError> errors) {
        return new OrderLine(number, reference, null, List.copyOf(errors));
    }

    public static OrderLine unreadable(long number, String column, String reason) {
        return new OrderLine(number, null, null, List.of(new LineError(column, reason)));
    }

    public boolean readable() {
        return errors.isEmpty();
    }
}
