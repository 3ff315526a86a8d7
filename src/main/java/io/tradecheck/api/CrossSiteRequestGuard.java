package io.tradecheck.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-site request forgery on the API ({@code /api/}; the console guards its own cookie session). A browser that has
 * cached Basic credentials would send them with a request a hostile page makes; two rules refuse every such request:
 * <ol>
 * <li>Where the browser says where the request comes from, it must be this site: {@code Sec-Fetch-Site} is
 * {@code same-origin} or {@code none} (typed by the user), or, from older browsers that send only {@code Origin}, the
 * origin's host is the request's {@code Host}. This is the check Go 1.25's {@code CrossOriginProtection} makes. Tools
 * (curl, ERP systems) send neither header and pass.</li>
 * <li>A {@code POST} must carry a content type a cross-site form or a no-CORS {@code fetch} cannot send (anything but
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain} or none), or a header such
 * a request cannot carry ({@code X-API-Key}, {@code X-Requested-By}, {@code X-Requested-With}): sending either makes the
 * browser ask first (CORS preflight), which this service never grants. Validation of a draft only computes and is
 * exempt, as are PUT, PATCH and DELETE, which no form can send.</li>
 * </ol>
 * Safe methods (GET, HEAD, OPTIONS) change nothing and pass. Turn off with {@code tradecheck.security.csrf=false}.
 */
@ApplicationScoped
public class CrossSiteRequestGuard {
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");
    private static final Set<String> CUSTOM_HEADERS = Set.of("X-API-Key", "X-Requested-By", "X-Requested-With");
    private static final String FORM_TYPE = "The content type";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @ConfigProperty(name = "tradecheck.security.csrf", defaultValue = "true")
    boolean enabled;

    void register(@Observes Filters filters) {
        if (enabled) {
            // Before authentication and the REST layer: a refused request costs no password hash.
            filters.register(this::filter, 200);
        }
    }

    void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (path == null || !path.startsWith("/api/") || SAFE.contains(request.method())) {
            context.next();
            return;
        }
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            // A form content type is also simply unsupported by every route: 415, as the routes themselves answer.
            boolean formType = refusal.get().startsWith(FORM_TYPE);
            int status = formType ? 415 : 403;
            String title = formType ? "Unsupported Media Type" : "Cross-site request refused";
            String detail = refusal.get().replace("\\", "\\\\").replace("\"", "\\\"");
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end("{\"type\":\"/problems/" + (formType ? "unsupported-media-type" : "cross-site-request")
                            + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
            return;
        }
        context.next();
    }

    static Optional<String> refusal(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            if (!site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
                return Optional.of("The browser says this request comes from another site (Sec-Fetch-Site: " + printable(site)
                        + "); the API does not accept requests made by other sites' pages.");
            }
        } else {
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !sameHost(origin, request.getHeader(HttpHeaders.HOST))) {
                return Optional.of("The request comes from another origin (" + printable(origin)
                        + "); the API does not accept requests made by other sites' pages.");
            }
        }
        if (request.method() == HttpMethod.POST && !request.path().endsWith("/validation")
                && CUSTOM_HEADERS.stream().noneMatch(h -> request.getHeader(h) != null)) {
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (SIMPLE_TYPES.contains(bare)) {
                return Optional.of(FORM_TYPE + " '" + printable(bare) + "' is what a web form sends; the API takes "
                        + "JSON, CSV, XLSX, NDJSON or zip bodies with their own content type.");
            }
            if (bare.isEmpty()) {
                return Optional.of("A POST needs a Content-Type a web form cannot send (e.g. 'Content-Type: application/json'"
                        + ", with '{}' as the body if there is nothing to say) or an 'X-Requested-By' header; it had none.");
            }
        }
        return Optional.empty();
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // "null" (sandboxed frame, file:) is never this site
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String bareHost = host.toLowerCase(Locale.ROOT);
            String defaultPort = "https".equals(uri.getScheme()) ? ":443" : ":80";
            return authority.equalsIgnoreCase(bareHost) || (authority + defaultPort).equalsIgnoreCase(bareHost)
                    || authority.equalsIgnoreCase(bareHost.replaceFirst(defaultPort + "$", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?").replace("\"", "'");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
