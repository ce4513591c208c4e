package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against the service: it names the headers the service reads (no
 * {@code actor} query parameter), documents every problem response as problem+json, and a client
 * generated from it is understood. For every operation a request is built from the document
 * alone (its headers and parameters, path variables aimed at a case set up here, a body with the
 * schema's required properties) and sent: no answer may be a 5xx or a status the document does
 * not list, and no 400 may refuse a header or parameter the document described.
 */
class OpenApiConformanceIT extends ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private JsonNode document;

    @Test
    @DisplayName("the document describes the headers and problems, and requests built from it are understood")
    void documentTellsTheTruth() throws Exception {
        document = api.get("/v3/api-docs").body();
        ids.putAll(Scenarios.caseWithEveryId(api));
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int commands = 0;
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode operation = op.getValue();
                boolean command = hasHeader(operation, "X-Reason") && Set.of("post", "put").contains(op.getKey());
                commands += command ? 1 : 0;
                wrong.addAll(describes(name, operation, command, path.getKey().contains("{")));

                Built request = build(op.getKey(), path.getKey(), operation, true);
                HttpResponse<String> response = send(request);
                statuses.put(name, response.statusCode());
                wrong.addAll(judge(name, operation, request, response));
                if (hasHeader(operation, "X-Reason")) {
                    HttpResponse<String> anonymous = send(build(op.getKey(), path.getKey(), operation, false));
                    String field = field(anonymous);
                    if (anonymous.statusCode() != 401 || !"Authorization".equals(field)) {
                        wrong.add(name + ": without a token answered " + anonymous.statusCode() + " naming '" + field + "'");
                    }
                }
            }
        }
        System.out.println("[openapi] " + statuses.size() + " operations (" + commands + " commands) called as documented: " + statuses);
        assertThat(commands).as("command operations found by their X-Reason header").isGreaterThanOrEqualTo(35);
        assertThat(wrong).as("where the document and the service disagree").isEmpty();
    }

    /** What the document must say of an operation. */
    private List<String> describes(String name, JsonNode operation, boolean command, boolean pathVariables) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            // The audit trail's filter by actor is a real query parameter; the command's actor is not one.
            if (p.path("name").asText().equalsIgnoreCase("actor") && (hasHeader(operation, "X-Reason")
                    || !p.path("schema").path("$ref").isMissingNode() || "object".equals(p.path("schema").path("type").asText()))) {
                wrong.add(name + ": documents a parameter 'actor' (the actor comes from the token)");
            }
        }
        if (hasHeader(operation, "X-Reason")) {
            for (String header : List.of("X-On-Behalf-Of", "X-Reason")) {
                if (!hasHeader(operation, header)) {
                    wrong.add(name + ": does not document the header " + header);
                }
            }
        }
        List<String> problems = new ArrayList<>(List.of("400", "503"));
        if (command) {
            problems.addAll(List.of("409", "413", "422"));
            if (!hasHeader(operation, "Idempotency-Key")) {
                wrong.add(name + ": does not document the Idempotency-Key header");
            }
        }
        if (pathVariables) {
            problems.add("404");
        }
        for (String status : problems) {
            JsonNode content = operation.path("responses").path(status).path("content").path("application/problem+json");
            if (!content.path("schema").path("$ref").asText().endsWith("/Problem")) {
                wrong.add(name + ": does not document " + status + " as application/problem+json");
            }
        }
        return wrong;
    }

    private List<String> judge(String name, JsonNode operation, Built request, HttpResponse<String> response) {
        List<String> wrong = new ArrayList<>();
        int status = response.statusCode();
        if (status >= 500 && status != 503) {
            wrong.add(name + ": " + status + " " + response.body());
        }
        if (!operation.path("responses").has(String.valueOf(status)) && !operation.path("responses").has("default")) {
            wrong.add(name + ": answered " + status + ", which the document does not list: " + abbreviate(response.body()));
        }
        if (status == 400 && request.declared().contains(field(response))) {
            wrong.add(name + ": refused the " + field(response) + " it documents, sent as documented: " + abbreviate(response.body()));
        }
        return wrong;
    }

    private record Built(String method, String uri, Map<String, String> headers, String body, Set<String> declared) {
    }

    /** A request made from the document: every documented header and parameter (required or not), a minimal body. */
    private Built build(String method, String template, JsonNode operation, boolean withActor) {
        String uri = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> declared = new java.util.HashSet<>();
        for (JsonNode p : operation.path("parameters")) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            declared.add(name);
            String value = p.has("example") ? p.get("example").asText() : value(name, p.path("schema"), template);
            switch (in) {
                case "path" -> uri = uri.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "query" -> {
                    if (p.path("required").asBoolean(false)) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
                case "header" -> headers.put(name, value);
                default -> throw new IllegalStateException(in);
            }
        }
        if (withActor) {
            headers.put("Authorization", Api.bearer("cw-openapi"));
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String body = null;
        if (!schema.isMissingNode()) {
            headers.put("Content-Type", "application/json");
            body = generate(schema, null, template, 0).toString();
        }
        return new Built(method.toUpperCase(Locale.ROOT), uri + query, headers, body, declared);
    }

    private String value(String name, JsonNode schema, String template) {
        JsonNode s = resolve(schema);
        return switch (name) {
            case "id" -> template.startsWith("/grants") ? ids.get("grant")
                    : template.startsWith("/assessments") ? ids.get("assessment")
                    : template.contains("{hearingId}") ? ids.get("secondApplication") : ids.get("application");
            case "complaintId" -> ids.get("complaint");
            case "decisionId" -> ids.get("decision");
            case "hearingId" -> template.startsWith("/grants") ? ids.get("grantHearing") : ids.get("applicationHearing");
            case "Idempotency-Key" -> UUID.randomUUID().toString();
            case "projection" -> "dst";
            case "municipality" -> "lejre";
            case "month" -> ids.get("lastMonth");
            default -> s.has("example") ? s.get("example").asText()
                    : s.has("enum") ? s.get("enum").get(0).asText() : scalar(name, s).asText();
        };
    }

    /** A value for a schema: its example, its first enum value, or the smallest value of its type. */
    private JsonNode generate(JsonNode schema, String name, String template, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                if (depth < 8) {
                    for (Map.Entry<String, JsonNode> p : iterable(s.path("properties"))) {
                        if (required.contains(p.getKey())) {
                            object.set(p.getKey(), generate(p.getValue(), p.getKey(), template, depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(generate(s.path("items"), name, template, depth + 1));
                return array;
            }
            default -> {
                return scalar(name, s);
            }
        }
    }

    private JsonNode scalar(String name, JsonNode s) {
        String type = s.path("type").asText("string");
        String format = s.path("format").asText("");
        if (name != null && name.equals("decisionId")) {
            return NODES.textNode(ids.get("decision"));
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(name != null && name.equals("year") ? Integer.parseInt(ids.get("today").substring(0, 4)) : 1);
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> switch (format) {
                case "date" -> NODES.textNode(ids.get("today"));
                case "date-time" -> NODES.textNode(ids.get("now"));
                default -> NODES.textNode("x");
            };
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    private HttpResponse<String> send(Built b) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + b.uri()));
        b.headers().forEach(request::header);
        request.method(b.method(), b.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(b.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("field").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasHeader(JsonNode operation, String header) {
        for (JsonNode p : operation.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && header.equals(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
