package io.tradecheck.api;

import io.tradecheck.batch.BatchOrigin;
import io.tradecheck.batch.BatchSummary;
import io.tradecheck.batch.BatchValidator;
import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.batch.ResultWriter;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@RolesAllowed(Roles.CHECKER)
@Path("/api/v1/batches")
public class BatchResource {
    /** The id under which the decision log keeps this file's lines ({@code GET /api/v1/decisions?batchJob=}). */
    static final String BATCH_HEADER = "X-Batch-Id";

    @Inject
    BatchValidator validator;
    @Inject
    CurrentCaller caller;
    @Inject
    UploadQuota quota;

    @POST
    @Consumes({BatchMediaTypes.CSV, BatchMediaTypes.XLSX, BatchMediaTypes.NDJSON})
    @Produces({BatchMediaTypes.CSV, BatchMediaTypes.NDJSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Validate an order file, synchronously",
            description = "Checks every line of a CSV, XLSX (?sheet=NAME, default the first) or NDJSON order file and "
                    + "streams back one result per line, in order, as CSV or NDJSON by Accept; Accept: application/json "
                    + "returns only the summary. A bad line is an ERROR line; an unreadable file is a 400 problem.")
    @APIResponse(responseCode = "200", description = "The results (CSV or NDJSON by Accept) or, for Accept: "
            + "application/json, only the summary; X-Batch-Id names the batch in the decision log",
            headers = @Header(name = BATCH_HEADER, description = "The batch's id: GET /api/v1/decisions?batchJob=<id>",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = BatchMediaTypes.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = BatchMediaTypes.NDJSON, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class))})
    @APIResponse(responseCode = "400", description = "Not an order file (format, encoding, header); the reason says which",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response validate(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @QueryParam("sheet") String sheet, @Context HttpHeaders headers,
                             @Context HttpServerResponse response, @Context HttpServerRequest request) throws IOException {
        java.nio.file.Path file = quota.spool(caller.get(), body);
        OrderReader reader;
        try {
            reader = OrderFiles.open(file, OrderFormat.ofMediaType(contentType), sheet);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ResultFormat format = BatchMediaTypes.preferred(headers.getAcceptableMediaTypes());
        // The lines' decisions are logged under this id, named in the answer's header.
        BatchOrigin origin = new BatchOrigin(caller.get(), "sync-" + UUID.randomUUID());
        if (format == null) {
            try (reader) {
                BatchSummary summary = validator.validate(reader, ResultWriter.discarding(), done -> { }, origin);
                return Response.ok(summary, MediaType.APPLICATION_JSON).header(BATCH_HEADER, origin.job()).build();
            } finally {
                Files.deleteIfExists(file);
            }
        }
        StreamingOutput results = out -> {
            long[] done = {0};
            ResultWriter writer = BatchAnswerStream.writer(format, out, response);
            try (reader) {
                validator.validate(reader, writer, n -> done[0] = n, origin);
                writer.close();
            } catch (IOException | RuntimeException e) {
                BatchAnswerStream.abort(writer, out, response, request.connection(), done[0], e, origin.job());
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(results, format.mediaType()).header(BATCH_HEADER, origin.job()).build();
    }
}
