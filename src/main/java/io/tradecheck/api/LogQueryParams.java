package io.tradecheck.api;

import io.tradecheck.batch.ResultFormat;
import io.tradecheck.decisionlog.DecisionExport;
import io.tradecheck.decisionlog.DecisionQuery;
import io.tradecheck.model.Outcome;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters of the decision-log routes, checked: a bad one is a 400 that says which and why. */
final class LogQueryParams {
    private LogQueryParams() {
    }

    static DecisionQuery query(String from, String to, String reference, String decision, String ruleSetVersion,
                               String batchJob, int limit, int offset) {
        String outcome = null;
        if (decision != null && !decision.isBlank()) {
            outcome = decision.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(decision.trim().toUpperCase(Locale.ROOT)))) {
                throw new BadRequestException("decision must be one of " + Arrays.toString(Outcome.values()));
            }
        }
        return new DecisionQuery(instant("from", from), instant("to", to), reference, outcome, ruleSetVersion, batchJob,
                limit, offset);
    }

    static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    static ResultFormat format(String format) {
        try {
            return ResultFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format must be csv or ndjson");
        }
    }

    /** A date (midnight UTC) or an ISO-8601 instant such as 2025-06-01T12:00:00Z. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date (2025-06-01) or an instant (2025-06-01T12:00:00Z)");
        }
    }
}
