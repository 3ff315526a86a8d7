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

    /**
     * A file the request needed could not be written or read. A full disk is said as such (507: the client may retry
     * once space is freed; the decision log's own full-disk answer is a 503, see DecisionLogProblemMappers); anything
     * else is an internal error, logged.
     */
    @ServerExceptionMapper
    public Response io(java.io.IOException e) {
        if (isDiskFull(e)) {
            LOG.warnf("Request refused: %s", e.getMessage());
            return ProblemResponses.of(Problem.of(507, "Insufficient storage",
                    "No space left on the service's data disk (" + e.getMessage() + "); nothing was kept of this request. "
                            + "Try again once space is freed.", List.of()));
        }
        LOG.error("I/O error while handling a request", e);
        return ProblemResponses.of(Problem.of(500, "Internal error",
                "The request could not be processed; the error was logged.", List.of()));
    }

    /** "No space left on device" (ENOSPC) or "Disk quota exceeded" (EDQUOT) anywhere in the causes. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return ProblemResponses.of(Problem.of(500, "Internal error",
                "The request could not be processed; the error was logged.", List.of()));
    }
}
