package io.tradecheck.api;

import io.tradecheck.batch.OrderFileException;
import io.tradecheck.batch.UploadSpool;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An order file that cannot be read at all, or is over the upload limit, is one problem with one clear reason. */
public class BatchProblemMappers {

    @ServerExceptionMapper
    public Response unreadable(OrderFileException e) {
        return ProblemResponses.of(Problem.of(400, "Unreadable order file", e.getMessage(),
                List.of(new Problem.FieldError("(file)", e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response tooLarge(UploadSpool.TooLarge e) {
        return ProblemResponses.of(Problem.of(413, "Order file too large", e.getMessage(), List.of()));
    }
}
