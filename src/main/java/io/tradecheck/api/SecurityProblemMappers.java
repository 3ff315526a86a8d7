package io.tradecheck.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.security.SignInBusyException;
import io.tradecheck.security.SignInThrottledException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problems too. Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that these
 * failures reach JAX-RS instead of being answered with an empty body by the HTTP layer.
 */
public class SecurityProblemMappers {
    static final String CHALLENGE = "Basic realm=\"tradecheck\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("Credentials are required: HTTP Basic, an X-API-Key header or a bearer token.");
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e) {
        return unauthorized("The credentials were not accepted.");
    }

    @ServerExceptionMapper
    public Response throttled(SignInThrottledException e) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(429, "Too Many Requests", e.getMessage()
                        + " Sign-ins are refused for a while after repeated failures for one name or from one address.",
                        List.of())))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response quota(UploadQuota.Exceeded e) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(429, "Too Many Requests", e.getMessage(), List.of())))
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }

    @ServerExceptionMapper
    public Response busy(SignInBusyException e) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Service Unavailable", e.getMessage(), List.of())))
                .header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(403, "Forbidden",
                "Your role does not allow this; ask an administrator for the role this route needs.", List.of()));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(401, "Unauthorized", detail, List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
