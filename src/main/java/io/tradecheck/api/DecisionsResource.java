package io.tradecheck.api;

import io.tradecheck.batch.ResultFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.decisionlog.DecisionExport;
import io.tradecheck.decisionlog.DecisionQuery;
import io.tradecheck.decisionlog.DecisionReplay;
import io.tradecheck.decisionlog.DecisionArchive;
import io.tradecheck.decisionlog.LoggedDecision;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The decision log, for auditors: search, export, one decision, and its replay. */
@RolesAllowed(Roles.AUDITOR)
@Path("/api/v1/decisions")
public class DecisionsResource {
    static final int MAX_PAGE = 1000;
    /** Export headers: a limited export says whether it was cut, and how many decisions matched. */
    static final String TRUNCATED = "X-Export-Truncated";
    static final String TOTAL = "X-Total-Count";

    @Inject
    DecisionArchive store;

    @Inject
    DecisionReplay replay;

    @Inject
    ObjectMapper json;

    /** A page of the log, newest first, with the total count of matching decisions. */
    public record Page(long total, int offset, int limit, List<DecisionEntry> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the decision log",
            description = "By time range (from inclusive, to exclusive; a date or an ISO instant), reference, decision "
                    + "(PROHIBITED, LICENSE_REQUIRED, DUTIABLE, CLEAR), rule-set version or batch job. Newest first.")
    public Page search(@QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("reference") String reference, @QueryParam("decision") String decision,
                       @QueryParam("ruleSetVersion") String ruleSetVersion, @QueryParam("batchJob") String batchJob,
                       @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset)
            throws SQLException {
        DecisionQuery q = LogQueryParams.query(from, to, reference, decision, ruleSetVersion, batchJob,
                LogQueryParams.bounded("limit", limit, 1, MAX_PAGE), LogQueryParams.bounded("offset", offset, 0, Integer.MAX_VALUE));
        List<DecisionEntry> items = store.query(q).stream().map(d -> DecisionEntry.of(d, json)).toList();
        return new Page(store.count(q), q.offset(), q.limit(), items);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export the decision log as CSV or NDJSON",
            description = "Same filters as the search; format=csv (one summary row per decision, safe to open in a "
                    + "spreadsheet) or format=ndjson (one full record per line: request and response included). Without "
                    + "limit every matching decision is streamed. With limit, at most that many (newest first); when more "
                    + "match, the answer says so: " + TRUNCATED + ": true and " + TOTAL + " (the number that matched).")
    @APIResponse(responseCode = "200", description = "The decisions, streamed",
            headers = {@Header(name = TRUNCATED, description = "true when limit cut the export short",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
                    @Header(name = TOTAL, description = "with limit: how many decisions matched",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("reference") String reference, @QueryParam("decision") String decision,
                           @QueryParam("ruleSetVersion") String ruleSetVersion, @QueryParam("batchJob") String batchJob,
                           @QueryParam("limit") Integer limit) throws SQLException {
        int max = limit == null ? Integer.MAX_VALUE : LogQueryParams.bounded("limit", limit, 1, Integer.MAX_VALUE);
        DecisionQuery q = LogQueryParams.query(from, to, reference, decision, ruleSetVersion, batchJob, max, 0);
        ResultFormat f = LogQueryParams.format(format);
        StreamingOutput body = out -> new DecisionExport(store, json).write(q, f, out);
        Response.ResponseBuilder answer = Response.ok(body, f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"decisions" + f.extension() + "\"");
        if (limit != null) {
            long total = store.count(q);
            answer.header(TOTAL, total).header(TRUNCATED, total > max);
        }
        return answer.build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One logged decision: who asked, when, the request, the answer, the rule set")
    public DecisionEntry get(@PathParam("id") String id) throws SQLException {
        LoggedDecision row = store.find(id).orElseThrow(() -> notFound(id));
        return DecisionEntry.of(row, json);
    }

    @GET
    @Path("{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a logged decision on its own rule set and on the active one",
            description = "withRecordedRules reproduces the decision from the recorded rule files (reproduced says whether "
                    + "it matches exactly); withActiveRules is today's answer to the same request on the same date; "
                    + "changes lists what differs from the recorded answer.")
    public DecisionReplay.Result replay(@PathParam("id") String id) throws SQLException {
        return replay.replay(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No decision with id '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "' in the log");
    }
}
