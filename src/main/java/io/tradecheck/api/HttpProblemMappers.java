package io.tradecheck.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every other error is a problem too: 404, 405, 415 keep their status; anything unexpected is a 500 without a trace. */
public class HttpProblemMappers {
    private static final Logger LOG = Logger.getLogger(HttpProblemMappers.class);

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // The JSON reader wraps parse errors; unwrap them so the client learns where its JSON broke.
        if (e.getCause() instanceof JsonParseException parse) {
            return new InvalidRequestMappers().malformed(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return new InvalidRequestMappers().otherMapping(mapping);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return ProblemResponses.of(Problem.of(status, title, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return ProblemResponses.of(Problem.of(500, "Internal error",
                "The request could not be processed; the error was logged.", List.of()));
    }
}
