package io.tradecheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.tradecheck.config.TradecheckConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request size limits, answered as problem+json before the body is read: a single pre-check is a few hundred bytes,
 * so it gets a small limit ({@code tradecheck.limits.check-body}); everything else (batch uploads, rule packs) the
 * server-wide {@code quarkus.http.limits.max-body-size}. A body sent without a Content-Length (chunked) is held to
 * the server-wide limit by the HTTP layer itself, and to the check limit by {@link CheckResource}'s reader.
 */
@ApplicationScoped
public class BodySizeLimits {
    static final String CHECKS_PATH = "/api/v1/checks";

    @Inject
    TradecheckConfig config;

    /** Quarkus's own setting, set in application.properties (its one default). */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize serverLimit;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        // Before authentication and before any body handling.
        filters.register(this::filter, 1000);
    }

    long limitFor(String path) {
        return path != null && path.startsWith(CHECKS_PATH) ? config.limits().checkBody().asLongValue() : serverLimit.asLongValue();
    }

    private void filter(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long limit = limitFor(rc.normalizedPath());
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > limit) {
                tooLarge(rc, limit, declared - limit > DRAIN_AT_MOST);
                return;
            }
        }
        rc.next();
    }

    /**
     * A body a little over the limit is read and discarded, so that a client that writes its whole body before reading
     * the answer gets the 413 instead of a broken pipe; past this, the connection is closed instead of reading on.
     */
    static final long DRAIN_AT_MOST = 4L * 1024 * 1024;

    void tooLarge(RoutingContext rc, long limit, boolean close) {
        Problem problem = Problem.of(413, "Request Entity Too Large",
                "The body is larger than the " + limit + " bytes this route accepts", List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413,\"title\":\"Request too large\"}";
        }
        rc.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (close) {
            rc.response().end(body).onComplete(done -> rc.request().connection().close());
        } else {
            rc.response().end(body);
        }
    }
}
