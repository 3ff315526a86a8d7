package io.tradecheck.api;

import io.tradecheck.decisionlog.DecisionLogUnavailableException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A decision that cannot be put on record is not given: 503, and the client may retry. */
public class DecisionLogProblemMappers {
    private static final Logger LOG = Logger.getLogger(DecisionLogProblemMappers.class);

    @ServerExceptionMapper
    public Response unavailable(DecisionLogUnavailableException e) {
        LOG.error("Decision log unavailable: " + e.getMessage(), e.getCause());
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Decision log unavailable",
                "The decision could not be recorded, so it is not given; retry shortly.", List.of())))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response database(SQLException e) {
        LOG.error("Database error", e);
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Database unavailable",
                "The decision log could not be read; the error was logged.", List.of())))
                .header("Retry-After", "5").build();
    }
}
