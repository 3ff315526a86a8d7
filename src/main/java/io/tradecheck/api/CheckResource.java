package io.tradecheck.api;

import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@RolesAllowed(Roles.CHECKER)
@Path("/api/v1/checks")
public class CheckResource {
    @Inject
    ShipmentChecker checker;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pre-check a proposed shipment",
            description = "Which additional tariffs apply on the entry date, which are paused and until when, and whether "
                    + "the goods are banned or need a licence; each finding names its rule, legal basis and dates.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, missing, unknown or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Decision> check(@NotNull(message = "a JSON body with the shipment is required") @Valid CheckRequest request) {
        // A CompletionStage keeps the check on the event loop: the rules take microseconds and never block, and in
        // durable mode the answer goes out when the decision log has committed it, without holding a thread meanwhile.
        return checker.checkLater(request);
    }
}
