package io.tradecheck.api;

import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The rule set in force, the version history, and rollback. Drafts live under {@link DraftsResource}. */
@RolesAllowed({Roles.RULE_EDITOR, Roles.AUDITOR})
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    /** Who acts: the authenticated caller. */
    @Inject
    CurrentCaller caller;
    @Inject
    RuleActivation activation;
    @Inject
    RulePackStartup startup;

    @GET
    @RolesAllowed({Roles.CHECKER, Roles.RULE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "The rule set in force",
            description = "Version, digest, load time, files with their digests, counts and the date range the content "
                    + "covers; its entry in the version history; status OK, or ERROR with lastError when the last edit "
                    + "of the rules folder was rejected and the previous version is still serving.")
    public RulesOverview active() {
        return RulesOverview.of(activation.state(), startup.watching());
    }

    @GET
    @Path("versions")
    @Operation(summary = "The version history, newest first",
            description = "Every rule set that went live: number, pack version, digest, activated at, by whom, comment, "
                    + "how (START_UP, DRAFT, FOLDER_EDIT, ROLLBACK), and for a rollback the version restored. Kept in the "
                    + "database for ever, with the files of each version.")
    public List<RuleVersion> versions() {
        List<RuleVersion> newestFirst = new java.util.ArrayList<>(activation.history());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @GET
    @Path("versions/{number}")
    @Operation(summary = "One version of the history")
    @APIResponse(responseCode = "200", description = "The version entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleVersion.class)))
    @APIResponse(responseCode = "404", description = "No such version (or no longer kept)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleVersion version(@PathParam("number") int number) {
        return stored(number).version();
    }

    @GET
    @Path("versions/{number}/pack")
    @Produces("application/zip")
    @Operation(summary = "The files of a version, as a zip of the rules folder",
            description = "Download the version in force to edit it in a spreadsheet, then upload it as a draft.")
    public Response pack(@PathParam("number") int number) {
        var source = stored(number).source();
        StreamingOutput body = out -> PackArchive.write(source, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"rules-v" + number + ".zip\"").build();
    }

    public record FileEntry(String path, String sha256, int bytes) {
    }

    @GET
    @Path("versions/{number}/files")
    @Operation(summary = "The files of a version, each with its SHA-256 and size")
    public List<FileEntry> files(@PathParam("number") int number) {
        return stored(number).source().files().stream()
                .map(f -> new FileEntry(f.path(), f.sha256(), f.content().length)).toList();
    }

    @POST
    @RolesAllowed(Roles.RULE_EDITOR)
    @Path("versions/{number}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Roll back: put the files of an earlier version in force again",
            description = "Validates and compiles the stored files, swaps them in without a restart (checks in flight "
                    + "finish on the version they started with) and records a new version (how ROLLBACK). The rules "
                    + "folder is rewritten to match.")
    @APIResponse(responseCode = "200", description = "The new version entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleVersion.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The stored files no longer validate (problems listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleVersion rollback(@PathParam("number") int number, @Valid ActivationRequest request) {
        return activation.rollback(number, caller.get(), ActivationRequest.comment(request));
    }

    private io.tradecheck.editing.RuleHistory.Stored stored(int number) {
        return activation.version(number).orElseThrow(() -> new NotFoundException("no version " + number
                + " in the history"));
    }
}
