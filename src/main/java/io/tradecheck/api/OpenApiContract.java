package io.tradecheck.api;

import io.tradecheck.security.ApiKeyMechanism;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes {@code /q/openapi} a contract a generated client can rely on, for every route, also routes added later: what
 * the annotations on each resource cannot say once for all. Applied rules, each checked by {@code OpenApiContractTest}:
 * <ul>
 *   <li>every operation has a unique operationId (the Java method name; the resource's name is appended where two
 *       resources use the same method name);</li>
 *   <li>the three ways to sign in are security schemes (HTTP Basic, the {@code X-API-Key} header, a JWT bearer token),
 *       any one of which a secured operation accepts;</li>
 *   <li>every error status a route can answer is declared with its {@code application/problem+json} body: 401, 403,
 *       503 (a stop in progress, the decision log unavailable) everywhere; 404 where the path names something; 400
 *       where there are query parameters or a body; 413 and 415 where there is a body;</li>
 *   <li>properties that are not required may be null (Jackson writes the record components it has no value for);</li>
 *   <li>bodies that are not JSON are strings, binary unless they are text, so generators send and receive bytes.</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {
    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";
    static final String JWT = "jwt";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        declareSecuritySchemes(components);
        Map<String, Integer> methodNames = new HashMap<>();
        forEachOperation(openAPI, (path, method, op) -> {
            if (op.getOperationId() != null) {
                methodNames.merge(op.getOperationId(), 1, Integer::sum);
            }
        });
        forEachOperation(openAPI, (path, method, op) -> {
            uniqueOperationId(op, path, method, methodNames);
            securedByAnyScheme(op);
            declareProblems(path, op);
            binaryBodies(op);
        });
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().values().forEach(OpenApiContract::nullableUnlessRequired);
        }
    }

    private interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private static void forEachOperation(OpenAPI openAPI, OperationVisitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> visitor.visit(path, method, op)));
    }

    private static void declareSecuritySchemes(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of the users file, with their password"));
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(ApiKeyMechanism.HEADER)
                .description("An API key of the users file (tc_...)"));
        schemes.put(JWT, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A token of the configured identity provider; roles from 'groups'"));
        components.setSecuritySchemes(schemes);
    }

    private static void uniqueOperationId(Operation op, String path, PathItem.HttpMethod method,
                                          Map<String, Integer> methodNames) {
        String id = op.getOperationId();
        if (id == null) {
            id = method.name().toLowerCase(Locale.ROOT) + pascal(path.replaceAll("[{}]", ""));
        } else if (methodNames.getOrDefault(id, 0) > 1 && op.getTags() != null && !op.getTags().isEmpty()) {
            id = id + pascal(op.getTags().get(0).replace(" Resource", ""));
        }
        op.setOperationId(id);
    }

    private static String pascal(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return out.toString();
    }

    /** Any one of the three schemes; the roles the route needs are kept on each. */
    private static void securedByAnyScheme(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
            return;
        }
        List<String> roles = new ArrayList<>();
        op.getSecurity().forEach(req -> req.getSchemes().values().forEach(r -> {
            if (r != null) {
                roles.addAll(r);
            }
        }));
        List<SecurityRequirement> anyOf = new ArrayList<>();
        for (String scheme : List.of(BASIC, API_KEY, JWT)) {
            anyOf.add(OASFactory.createSecurityRequirement().addScheme(scheme, scheme.equals(JWT) ? roles : List.of()));
        }
        op.setSecurity(anyOf);
    }

    private static void declareProblems(String path, Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (secured) {
            problem(responses, "401", "Not signed in, or the credentials are wrong");
            problem(responses, "403", "Signed in, but without the role this route needs");
        }
        problem(responses, "503", "The service is stopping, or the decision log cannot record decisions now");
        if (path.contains("{")) {
            problem(responses, "404", "Nothing under that name");
        }
        boolean hasQuery = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (hasQuery || op.getRequestBody() != null) {
            problem(responses, "400", "A parameter or the body is not valid; the problem names it");
        }
        if (op.getRequestBody() != null) {
            problem(responses, "413", "The body is over the size limit");
            problem(responses, "415", "The body's Content-Type is not one this route reads");
        }
        // A response declared by a resource without a body for an error status gets the problem body it carries.
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && (response.getContent() == null
                        || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static void binaryBodies(Operation op) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            Content content = op.getRequestBody().getContent();
            MediaType any = content.getMediaType("*/*");
            if (any != null) {
                content.removeMediaType("*/*");
                content.addMediaType("application/octet-stream", any);
            }
            // An uploaded file is sent as it is on disk, whatever its type: bytes, never a string the client re-encodes.
            content.getMediaTypes().forEach((type, body) -> stringUnlessJson(type, body, true));
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> {
                if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                    r.getContent().getMediaTypes().forEach((type, body) -> stringUnlessJson(type, body, false));
                }
            });
        }
    }

    private static void stringUnlessJson(String mediaType, MediaType body, boolean upload) {
        if (mediaType.contains("json") && !mediaType.contains("ndjson")) {
            return;
        }
        Schema schema = body.getSchema();
        if (schema == null || (schema.getRef() == null && schema.getType() == null)) {
            schema = OASFactory.createSchema();
            body.setSchema(schema);
        }
        if (schema.getRef() == null) {
            schema.setType(List.of(Schema.SchemaType.STRING));
            boolean text = !upload && (mediaType.startsWith("text/") || mediaType.contains("ndjson"));
            schema.setFormat(text ? null : "binary");
        }
    }

    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(property, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.NULL))));
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
        }
        return property;
    }
}
