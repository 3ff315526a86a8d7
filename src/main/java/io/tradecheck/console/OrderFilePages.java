package io.tradecheck.console;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.editing.NotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tradecheck.batch.BatchJob;
import io.tradecheck.batch.BatchJobs;
import io.tradecheck.batch.BatchSummary;
import io.tradecheck.batch.JobState;
import io.tradecheck.batch.LineResult;
import io.tradecheck.batch.OrderFileException;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.batch.UploadSpool;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Order files for checkers: upload (CSV, XLSX, NDJSON) as an asynchronous batch job, follow its progress, see the
 * summary as a chart and the results in a filterable table, download them. Uses {@link BatchJobs}, as the API does.
 */
@Path("/console/orders")
@RolesAllowed(Roles.CHECKER)
public class OrderFilePages extends ConsolePage {
    static final int SHOWN = 500;

    @Inject
    @Location("console/orders.html")
    Template list;
    @Inject
    @Location("console/order.html")
    Template one;
    @Inject
    BatchJobs jobs;
    @Inject
    UploadSpool uploads;
    @Inject
    CurrentCaller caller;
    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() throws IOException {
        return list.data("jobs", jobs.list()).data("error", null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String sheet) throws IOException {
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            return refused("Choose an order file (CSV, XLSX or NDJSON) to upload.");
        }
        OrderFormat format = OrderFormat.ofFileName(file.fileName());
        if (format == null) {
            return refused("'" + file.fileName() + "' is not a .csv, .xlsx or .ndjson file.");
        }
        java.nio.file.Path spooled;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            spooled = uploads.spool(in);
        }
        try {
            BatchJob job = jobs.submit(spooled, format, sheet == null || sheet.isBlank() ? null : sheet.trim(), caller.get());
            return redirect("/console/orders/" + job.id());
        } catch (OrderFileException e) {
            return refused(file.fileName() + ": " + e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") String id, @QueryParam("decision") String decision,
                                @QueryParam("q") String text) throws IOException {
        BatchJob job = find(id);
        TemplateInstance page = one.data("job", job).data("decision", decision == null ? "" : decision)
                .data("q", text == null ? "" : text).data("summary", null).data("chart", null).data("dutyChart", null)
                .data("rows", List.of()).data("matching", 0L).data("shown", SHOWN);
        if (job.state() != JobState.DONE) {
            return page;
        }
        BatchSummary summary = jobs.summary(id).orElse(null);
        if (summary != null) {
            List<Charts.Bar> bars = new ArrayList<>();
            summary.decisions().forEach((k, v) -> bars.add(new Charts.Bar(k, BigDecimal.valueOf(v), k)));
            List<Charts.Bar> duty = new ArrayList<>();
            summary.additionalDutyByCurrency().forEach((k, v) -> duty.add(new Charts.Bar(k, v, "duty")));
            page.data("summary", summary).data("chart", Charts.bars("Lines per decision", bars, " lines"))
                    .data("dutyChart", duty.isEmpty() ? null : Charts.bars("Additional duty per currency", duty, ""));
        }
        List<LineResult> rows = new ArrayList<>();
        long matching = 0;
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try (var lines = json.readerFor(LineResult.class).<LineResult>readValues(jobs.results(id).toFile())) {
            while (lines.hasNextValue()) {
                LineResult r = lines.nextValue();
                if ((decision == null || decision.isBlank() || decision.equals(r.decision()))
                        && (needle.isEmpty() || matches(r, needle))) {
                    matching++;
                    if (rows.size() < SHOWN) {
                        rows.add(r);
                    }
                }
            }
        }
        return page.data("rows", rows).data("matching", matching);
    }

    @GET
    @Path("{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public BatchJob status(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("{id}/results")
    public Response download(@PathParam("id") String id, @QueryParam("format") String format) {
        BatchJob job = find(id);
        if (job.state() != JobState.DONE) {
            return pages.page(Response.Status.CONFLICT, "Not finished", "Job " + id + " is " + job.state() + ".");
        }
        ResultFormat f = "ndjson".equalsIgnoreCase(format) ? ResultFormat.NDJSON : ResultFormat.CSV;
        StreamingOutput out = stream -> jobs.writeResults(id, f, stream);
        return Response.ok(out, f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + id + "-results" + f.extension() + "\"").build();
    }

    private Response refused(String why) throws IOException {
        String html = list.data("jobs", jobs.list()).data("error", why).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private BatchJob find(String id) {
        return jobs.status(id).orElseThrow(() -> new io.tradecheck.editing.NotFoundException("No order-file job " + id));
    }

    private static boolean matches(LineResult r, String needle) {
        return contains(r.reference(), needle) || contains(r.reason(), needle)
                || (r.measures() != null && r.measures().stream().anyMatch(m -> contains(m, needle)));
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}
