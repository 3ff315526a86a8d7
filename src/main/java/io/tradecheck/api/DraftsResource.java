package io.tradecheck.api;

import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.batch.UploadSpool;
import io.tradecheck.editing.Draft;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.ImpactReport;
import io.tradecheck.editing.DraftStore;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.PackVerdict;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Drafts: a copy of the rule pack to edit, validate, try against orders and activate. Thin: the work is done by
 * {@link DraftStore}, {@link PackCheck} and {@link RuleActivation}.
 */
@RolesAllowed(Roles.RULE_EDITOR)
@Path("/api/v1/rules/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftsResource {
    /** Who acts: the authenticated caller. */
    @Inject
    CurrentCaller caller;
    @Inject
    UploadQuota quota;
    @Inject
    DraftStore drafts;
    @Inject
    RuleActivation activation;
    @Inject
    PackCheck packCheck;
    @Inject
    ImpactAnalysis impact;
    @Inject
    UploadSpool uploads;

    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Make a draft",
            description = "With a zip of the rules folder as the body, the draft is exactly those files (or, with "
                    + "overlay=true, the active pack with the zip's files laid over it). With an empty body, the draft "
                    + "is a copy of the active pack, to edit file by file. Allowed: .csv .xlsx .drl .yaml .yml "
                    + ".properties; .md/.txt and archiver clutter are skipped; paths must stay inside the folder.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "400", description = "Not a zip, or a file outside the pack or of a type not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Over the upload limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "507", description = "The drafts in memory have no room for it "
            + "(tradecheck.drafts.max-bytes): delete or activate a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(InputStream body, @QueryParam("overlay") boolean overlay,
                           @QueryParam("comment") String comment) throws IOException {
        RuleActivation.State state = activation.state();
        RulePackSource live = live(state);
        Map<String, RuleFile> files = new LinkedHashMap<>();
        BufferedInputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body);
        in.mark(1);
        boolean empty = in.read() < 0;
        in.reset();
        if (empty || overlay) {
            live.files().forEach(f -> files.put(f.path(), f));
        }
        if (!empty) {
            files.putAll(PackArchive.read(in, drafts.limits()));
        }
        Draft draft = drafts.create(files, state.version(), caller.get(), comment);
        return Response.created(URI.create("/api/v1/rules/drafts/" + draft.id())).entity(view(draft)).build();
    }

    @GET
    @Operation(summary = "The drafts kept (at most tradecheck.drafts.keep; the least recently changed is dropped first)")
    public List<DraftView> list() {
        return drafts.list().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A draft: its files and what changed against the version it was made from")
    public DraftView get(@PathParam("id") String id) {
        return view(draft(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Discard a draft")
    @APIResponse(responseCode = "204", description = "Discarded")
    public Response delete(@PathParam("id") String id) {
        if (!drafts.delete(id)) {
            throw new NotFoundException("no draft " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/pack")
    @Produces("application/zip")
    @Operation(summary = "The draft's files as a zip of the rules folder")
    public Response pack(@PathParam("id") String id) {
        RulePackSource source = draft(id).source();
        StreamingOutput body = out -> PackArchive.write(source, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"draft-" + id + ".zip\"").build();
    }

    @GET
    @Path("{id}/files/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "One file of a draft, as stored")
    public Response file(@PathParam("id") String id, @PathParam("path") String path) {
        RuleFile file = draft(id).files().get(path);
        if (file == null) {
            throw new NotFoundException("draft " + id + " has no file " + path);
        }
        return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @PUT
    @Path("{id}/files/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add or replace one file of a draft",
            description = "The body is the file as saved by the spreadsheet or editor (CSV, XLSX, DRL, YAML).")
    @APIResponse(responseCode = "200", description = "The draft after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "413", description = "Over the upload limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "507", description = "The drafts in memory have no room for the change "
            + "(tradecheck.drafts.max-bytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DraftView putFile(@PathParam("id") String id, @PathParam("path") String path, InputStream body) {
        RuleFile file = PackArchive.single(path, body == null ? InputStream.nullInputStream() : body, drafts.limits());
        return view(drafts.update(id, d -> d.withFile(file, drafts.clock().instant()))
                .orElseThrow(() -> new NotFoundException("no draft " + id)));
    }

    @DELETE
    @Path("{id}/files/{path: .+}")
    @Operation(summary = "Remove one file from a draft")
    public DraftView deleteFile(@PathParam("id") String id, @PathParam("path") String path) {
        if (!draft(id).files().containsKey(path)) {
            throw new NotFoundException("draft " + id + " has no file " + path);
        }
        return view(drafts.update(id, d -> d.withoutFile(path, drafts.clock().instant())).orElseThrow());
    }

    @POST
    @Path("{id}/validation")
    @Operation(summary = "Validate a draft: compile, table checks, scenarios, coverage",
            description = "Always 200 with the report; valid=false lists every error with file, line (row), column "
                    + "and reason: bad cells, a 'to' before its 'from', overlapping date windows of one measure and "
                    + "scope, DRL errors, failed scenarios, table rows and logic rules no scenario exercises (a warning instead when "
                    + "tradecheck.rules.coverage=warn). Warnings name gaps between date windows. The same check as "
                    + "activation, the rules folder and tradecheck validate.")
    public PackVerdict validate(@PathParam("id") String id) {
        return packCheck.check(draft(id).source()).verdict();
    }

    @POST
    @Path("{id}/impact")
    @Consumes({BatchMediaTypes.CSV, BatchMediaTypes.XLSX, BatchMediaTypes.NDJSON})
    @Operation(summary = "Impact of a draft on an order file, before activating it",
            description = "Runs every line of the order file (CSV, XLSX with ?sheet=NAME, or NDJSON, as for "
                    + "/api/v1/batches) through the rule set in force and through the draft, and reports the lines "
                    + "decided differently: old and new decision, rate and duty, the difference, the findings added and "
                    + "removed and the rules behind them; and a summary (counts by kind of change and by rule, duty "
                    + "totals per currency). The draft only needs to compile; its scenarios may still fail.")
    @APIResponse(responseCode = "200", description = "The impact report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactReport.class)))
    @APIResponse(responseCode = "400", description = "The order file cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The draft does not compile; problems lists every error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpactReport impact(@PathParam("id") String id, InputStream body,
                               @HeaderParam("Content-Type") String contentType, @QueryParam("sheet") String sheet,
                               @QueryParam("limit") @jakarta.ws.rs.DefaultValue("1000") int limit) throws IOException {
        Draft draft = draft(id);
        var ruleSet = packCheck.compile(draft.source());
        java.nio.file.Path file = quota.spool(caller.get(), body);
        try (OrderReader reader = OrderFiles.open(file, OrderFormat.ofMediaType(contentType), sheet)) {
            return impact.compare(reader, activation.active().current(), ruleSet,
                    Math.max(0, Math.min(limit, 100_000)), change -> { });
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @POST
    @Path("{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate a draft without a restart",
            description = "Validates, compiles, and swaps the new rule set in atomically: checks in flight finish on "
                    + "the version they started with, later checks use the new one. Records a version (by: the authenticated "
                    + "caller) and rewrites the rules folder to match.")
    @APIResponse(responseCode = "200", description = "The new version entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleVersion.class)))
    @APIResponse(responseCode = "409", description = "Another version went live since the draft was made (use force=true), "
            + "or the draft has the same files as the version in force (title 'Draft unchanged'; no version is recorded)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The draft does not validate; problems lists every error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleVersion activate(@PathParam("id") String id, @QueryParam("force") boolean force,
                                @Valid ActivationRequest request) {
        RuleVersion version = activation.activate(draft(id), caller.get(),
                ActivationRequest.comment(request), force);
        drafts.delete(id);
        return version;
    }

    private Draft draft(String id) {
        return drafts.get(id).orElseThrow(() -> new NotFoundException("no draft " + id
                + " (drafts are kept in memory, at most tradecheck.drafts.keep of them)"));
    }

    private RulePackSource live(RuleActivation.State state) {
        return activation.version(state.version().number()).map(RuleHistory.Stored::source)
                .orElseThrow(() -> new IllegalStateException("the version in force is not in the history"));
    }

    private DraftView view(Draft draft) {
        return DraftView.of(draft, activation.version(draft.baseVersion()).map(RuleHistory.Stored::source).orElse(null));
    }
}
