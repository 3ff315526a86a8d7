package io.tradecheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks real responses against an OpenAPI document: installed as a REST Assured filter, it finds the operation each
 * request went to (by method and path template), and records a mismatch when the status is not declared, the media
 * type is not declared for it, a declared header is missing, or the JSON body does not validate against the declared
 * schema (JSON Schema 2020-12, as OpenAPI 3.1 uses it, with the document's components for references).
 */
final class OpenApiResponses implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private record Route(String method, String template, Pattern pattern, JsonNode operation) {
    }

    private final JsonNode components;
    private final List<Route> routes = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private final Set<String> exercised = new LinkedHashSet<>();
    private int checked;

    OpenApiResponses(JsonNode document) {
        this.components = document.get("components");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{path}", "\\\\E.+\\\\Q")
                    .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), Pattern.compile(regex),
                        op.getValue()));
            }
        }
        // The most literal template wins: /drafts/{id}/pack before /drafts/{id}/files/{path}.
        routes.sort(Comparator.comparingInt((Route r) -> -r.template().replaceAll("\\{[^}]+}", "").length()));
    }

    /** Every operation of the document, as {@code METHOD template}. */
    List<String> operations() {
        return routes.stream().map(r -> r.method() + " " + r.template()).sorted().toList();
    }

    Set<String> exercised() {
        return exercised;
    }

    List<String> mismatches() {
        return mismatches;
    }

    int checked() {
        return checked;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = request.getURI().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        Route route = routes.stream().filter(r -> r.method().equals(request.getMethod())
                && r.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (route == null) {
            if (path.startsWith("/api/")) {
                mismatches.add(request.getMethod() + " " + path + ": no such operation in the document");
            }
            return response;
        }
        checked++;
        String where = route.method() + " " + route.template() + " -> " + response.statusCode();
        exercised.add(route.method() + " " + route.template() + " " + response.statusCode());
        JsonNode declared = route.operation().path("responses").get(String.valueOf(response.statusCode()));
        if (declared == null) {
            mismatches.add(where + ": status not declared (declared: " + fieldNames(route.operation().path("responses"))
                    + "); body: " + abbreviate(response.asString()));
            return response;
        }
        for (Iterator<String> headers = declared.path("headers").fieldNames(); headers.hasNext(); ) {
            String header = headers.next();
            boolean conditional = declared.path("headers").path(header).path("description").asText().startsWith("with ")
                    || declared.path("headers").path(header).path("description").asText().contains("true when");
            if (!conditional && response.header(header) == null) {
                mismatches.add(where + ": declared header " + header + " missing");
            }
        }
        String body = response.asString();
        String contentType = response.contentType() == null ? "" : response.contentType().replaceFirst(";.*$", "").trim();
        if (body.isEmpty()) {
            return response;
        }
        JsonNode media = declared.path("content").get(contentType);
        if (media == null) {
            mismatches.add(where + ": media type " + contentType + " not declared (declared: "
                    + fieldNames(declared.path("content")) + ")");
            return response;
        }
        if (!contentType.endsWith("json") || !media.has("schema")) {
            return response;
        }
        try {
            for (String e : problems(media.get("schema"), JSON.readTree(body))) {
                mismatches.add(where + " " + contentType + ": " + e);
            }
        } catch (Exception e) {
            mismatches.add(where + ": body not checked: " + e);
        }
        return response;
    }

    /** What is wrong with {@code body} against {@code schema} (references resolved in the document's components). */
    List<String> problems(JsonNode schema, JsonNode body) {
        ObjectNode root = schema.deepCopy();
        root.set("components", components);
        JsonSchema validator = SCHEMAS.getSchema(root);
        return validator.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(",", names);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
