package io.tradecheck.console;

import io.quarkus.security.AuthenticationFailedException;
import io.tradecheck.api.SecurityProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused console sign-in goes back to the sign-in page saying so. Without this the refusal would be the API's
 * 401 with a Basic challenge, which makes a browser pop up its own password dialog. Every other refused credential
 * keeps the API's answer.
 */
public class SignInFailure {
    static final String POST_LOCATION = "/j_security_check";

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response refused(AuthenticationFailedException e, HttpServerRequest request) {
        if (request.path().endsWith(POST_LOCATION)) {
            return Response.seeOther(URI.create("/console/login/failed")).build();
        }
        return new SecurityProblemMappers().badCredentials(e);
    }
}
