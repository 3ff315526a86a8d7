package io.tradecheck.api;

import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.RuleSetInfo;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@RolesAllowed({Roles.CHECKER, Roles.RULE_EDITOR, Roles.AUDITOR})
@Path("/api/v1/rules")
public class RulesResource {
    @Inject
    ActiveRuleSet rules;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule set in force",
            description = "Version, digest, load time, files with their digests, counts and the date range the content covers.")
    public RuleSetInfo active() {
        return rules.current().info();
    }
}
