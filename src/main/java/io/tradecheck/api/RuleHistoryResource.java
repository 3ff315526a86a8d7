package io.tradecheck.api;

import io.tradecheck.decisionlog.RuleActivationEntry;
import io.tradecheck.decisionlog.RuleHistoryStore;
import io.tradecheck.engine.RulePackSource;
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
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Which rule sets were in force, since when, who put them there, and the files each was made of. */
@RolesAllowed({Roles.AUDITOR, Roles.RULE_EDITOR})
@Path("/api/v1/rule-history")
public class RuleHistoryResource {
    @Inject
    RuleHistoryStore history;

    public record FileEntry(String path, String sha256, int bytes) {
    }

    public record RuleSetFiles(String digest, List<FileEntry> files) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every activation of a rule set, newest first: when, by whom, how, why, which digest")
    public List<RuleActivationEntry> activations(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        return history.activations(LogQueryParams.bounded("limit", limit, 1, 10_000));
    }

    @GET
    @Path("{digest}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The files of a recorded rule set, with their SHA-256")
    public RuleSetFiles files(@PathParam("digest") String digest) throws SQLException {
        RulePackSource source = history.source(digest)
                .orElseThrow(() -> new NotFoundException("No rule set with digest '" + digest + "' was ever recorded"));
        return new RuleSetFiles(digest, source.files().stream()
                .map(f -> new FileEntry(f.path(), f.sha256(), f.content().length)).toList());
    }
}
