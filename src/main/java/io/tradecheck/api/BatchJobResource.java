package io.tradecheck.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tradecheck.batch.BatchJob;
import io.tradecheck.batch.BatchJobs;
import io.tradecheck.batch.BatchSummary;
import io.tradecheck.batch.JobState;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Asynchronous batch jobs. A checker submits jobs and sees, downloads and deletes only their own (another caller's job
 * answers 404, as if it did not exist); an auditor reads every job but submits and deletes none (docs/security.md).
 */
@RolesAllowed(Roles.CHECKER)
@Path("/api/v1/batch-jobs")
public class BatchJobResource {
    @Inject
    BatchJobs jobs;
    @Inject
    CurrentCaller caller;
    @Inject
    UploadQuota quota;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes({BatchMediaTypes.CSV, BatchMediaTypes.XLSX, BatchMediaTypes.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate an order file in the background",
            description = "Queues the file and answers 202 with the job; follow Location for its progress. A stop of "
                    + "the service marks the job INTERRUPTED; it resumes after its last written line at the next start.")
    @APIResponse(responseCode = "202", description = "Queued: the job, whose URL is in Location",
            headers = @Header(name = "Location", description = "The job's URL", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJob.class)))
    @APIResponse(responseCode = "400", description = "Not an order file (format, encoding, header); the reason says which",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("sheet") String sheet, @Context UriInfo uri) throws IOException {
        quota.requireJobSlot(caller.get());
        BatchJob job = jobs.submit(quota.spool(caller.get(), body), OrderFormat.ofMediaType(contentType), sheet, caller.get());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @RolesAllowed({Roles.CHECKER, Roles.AUDITOR})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's batch jobs kept, newest first (an auditor's: everyone's)")
    public List<BatchJob> list() throws IOException {
        return jobs.list().stream().filter(this::visible).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHECKER, Roles.AUDITOR})
    @Operation(summary = "A job's state and progress (lines done of total)")
    public BatchJob status(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("{id}/results")
    @Produces({BatchMediaTypes.CSV, BatchMediaTypes.NDJSON})
    @RolesAllowed({Roles.CHECKER, Roles.AUDITOR})
    @Operation(summary = "A finished job's results, one per input line, as CSV or NDJSON by Accept")
    @APIResponse(responseCode = "200", description = "One result per input line, in file order",
            content = {@Content(mediaType = BatchMediaTypes.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = BatchMediaTypes.NDJSON, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "409", description = "Not finished yet (QUEUED, RUNNING or INTERRUPTED): the progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The job FAILED or was LOST: why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response results(@PathParam("id") String id, @Context HttpHeaders headers) {
        requireDone(find(id));
        ResultFormat preferred = BatchMediaTypes.preferred(headers.getAcceptableMediaTypes());
        ResultFormat format = preferred == null ? ResultFormat.CSV : preferred;
        StreamingOutput out = stream -> jobs.writeResults(id, format, stream);
        return Response.ok(out, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + id + "-results" + format.extension() + "\"")
                .build();
    }

    @GET
    @Path("{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHECKER, Roles.AUDITOR})
    @Operation(summary = "A finished job's summary")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "409", description = "Not finished yet (QUEUED, RUNNING or INTERRUPTED): the progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The job FAILED or was LOST: why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchSummary summary(@PathParam("id") String id) {
        requireDone(find(id));
        return jobs.summary(id).orElseThrow(() -> new WebApplicationException("The job has no summary", 404));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a finished job and its files")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The job is not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) throws IOException {
        BatchJob job = find(id);
        if (!job.ownedBy(caller.get())) {
            // An auditor who is also a checker reads every job, but deletes only their own.
            throw notFound(id);
        }
        if (!jobs.delete(id)) {
            throw new WebApplicationException("Job " + id + " is " + job.state() + "; only a finished job can be deleted", 409);
        }
        return Response.noContent().build();
    }

    private BatchJob find(String id) {
        return jobs.status(id).filter(this::visible).orElseThrow(() -> notFound(id));
    }

    /** Own jobs, or all for an auditor. Another caller's job is not found rather than forbidden: ids stay private. */
    private boolean visible(BatchJob job) {
        return job.ownedBy(caller.get()) || identity.hasRole(Roles.AUDITOR);
    }

    private static WebApplicationException notFound(String id) {
        return new WebApplicationException("No batch job " + id, 404);
    }

    private static void requireDone(BatchJob job) {
        if (job.state() == JobState.DONE) {
            return;
        }
        if (job.state() == JobState.LOST || job.state() == JobState.FAILED) {
            throw new WebApplicationException(job.message(), 410);
        }
        throw new WebApplicationException("Job " + job.id() + " is " + job.state() + ": " + job.linesDone() + " of "
                + (job.linesTotal() == null ? "?" : job.linesTotal()) + " lines done", 409);
    }
}
