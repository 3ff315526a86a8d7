package io.tradecheck.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a state-changing request to the console (POST, PUT, PATCH, DELETE under /console) that does not carry the
 * signed-in user's CSRF token, with a 403 page. The API under /api is not touched: machines authenticate per request
 * and have no session to ride on.
 */
public class ConsoleCsrfFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ConsoleCsrf csrf;
    @Inject
    SecurityIdentity identity;
    @Inject
    ErrorPages pages;

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> requireToken(ResteasyReactiveContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (SAFE.contains(context.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return Optional.empty();
        }
        String token = context.getHeaderString(ConsoleCsrf.HEADER);
        if (token == null) {
            ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
            Object field = request.getFormParameter(ConsoleCsrf.FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        if (csrf.accepts(identity, token)) {
            return Optional.empty();
        }
        return Optional.of(pages.page(Response.Status.FORBIDDEN, "This form has expired",
                "The request did not carry this session's security token (CSRF protection). Go back, reload the page "
                        + "and submit again."));
    }
}
