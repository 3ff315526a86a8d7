package io.tradecheck.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that accepts only {@code application/problem+json} is answered in the route's own format. Clients generated
 * from the OpenAPI document send exactly that Accept header to routes whose answer is a file (CSV, NDJSON, zip): they
 * list the media types of a route's responses and keep the JSON one, which for those routes is only the problem body
 * of the errors. Without this, such a client gets 406 for every download.
 */
public class ProblemOnlyAccept {
    @ServerRequestFilter(preMatching = true)
    public void acceptTheRouteFormat(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.replaceFirst(";.*$", "").trim().equalsIgnoreCase(Problem.MEDIA_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, Problem.MEDIA_TYPE + ", */*;q=0.1");
        }
    }
}
