package io.tradecheck.api;

import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The old rule-history routes, kept as permanent redirects (308) to the one family, {@code /api/v1/rules/versions}. */
@RolesAllowed({Roles.AUDITOR, Roles.RULE_EDITOR})
@Path("/api/v1/rule-history")
public class RuleHistoryResource {
    @Inject
    RuleHistory history;

    @GET
    @Operation(summary = "Moved to GET /api/v1/rules/versions", deprecated = true)
    public Response activations() {
        return Response.status(308).location(URI.create("/api/v1/rules/versions")).build();
    }

    @GET
    @Path("{digest}")
    @Operation(summary = "Moved to GET /api/v1/rules/versions/{number}/files (the newest version with that digest)",
            deprecated = true)
    public Response files(@PathParam("digest") String digest) {
        int number = history.latestWith(digest).orElseThrow(() -> new NotFoundException(
                "no rule set with digest '" + digest + "' was ever in force")).number();
        return Response.status(308).location(URI.create("/api/v1/rules/versions/" + number + "/files")).build();
    }
}
