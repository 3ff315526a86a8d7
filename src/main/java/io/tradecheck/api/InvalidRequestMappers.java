package io.tradecheck.api;

import static io.tradecheck.model.JsonReadErrors.firstLine;
import static io.tradecheck.model.JsonReadErrors.pathOf;
import static io.tradecheck.model.JsonReadErrors.typeName;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tradecheck.model.RequestFields;
import io.tradecheck.model.validation.RequestValidation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bad input becomes a 400 problem that names each offending field and why: malformed JSON, wrong types, unknown
 * fields (with the nearest known name), and every failed constraint at once.
 */
public class InvalidRequestMappers {
    private static final List<String> REQUEST_FIELDS = RequestFields.NAMES;

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = RequestValidation.violations(e.getConstraintViolations()).stream()
                .map(v -> new Problem.FieldError(v.field() == null ? "(body)" : v.field(), v.reason())).toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.of(Problem.of(400, "Invalid request", "Invalid field(s): " + fields, errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = e.getPropertyName();
        String hint = nearest(field);
        String reason = "unknown field" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                + " (known fields: " + String.join(", ", REQUEST_FIELDS) + ")";
        return ProblemResponses.of(Problem.of(400, "Invalid request", "Unknown field '" + field + "'",
                List.of(new Problem.FieldError(field, reason))));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        String field = pathOf(e);
        String reason = "cannot read " + describe(e.getValue()) + " as " + typeName(e.getTargetType());
        return ProblemResponses.of(Problem.of(400, "Invalid request", "Field '" + field + "' has the wrong type",
                List.of(new Problem.FieldError(field, reason))));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = pathOf(e);
        String reason = "expected " + typeName(e.getTargetType()) + ": " + firstLine(e.getOriginalMessage());
        return ProblemResponses.of(Problem.of(400, "Invalid request",
                field.isEmpty() ? "The body is not a JSON object of the expected shape" : "Field '" + field + "' has the wrong type",
                List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, reason))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return ProblemResponses.of(Problem.of(400, "Malformed JSON", "The body is not valid JSON" + where,
                List.of(new Problem.FieldError("(body)", firstLine(e.getOriginalMessage()) + where))));
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e) {
        String field = pathOf(e);
        return ProblemResponses.of(Problem.of(400, "Invalid request", "The body could not be read",
                List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, firstLine(e.getOriginalMessage())))));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return ProblemResponses.of(Problem.of(400, "Malformed JSON", "The body is not valid JSON",
                List.of(new Problem.FieldError("(body)", firstLine(e.getOriginalMessage())))));
    }



    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }



    /** The known field closest to a typo, if it is close enough to be what was meant. */
    static String nearest(String typo) {
        return RequestFields.nearest(typo);
    }
}
