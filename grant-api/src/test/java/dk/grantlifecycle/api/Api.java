package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A small HTTP client for the API tests: JSON in, status and JSON out, as a caseworker's workflow
 * would call it, with a signed bearer token ({@link TestTokens}) on every request.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String actor;
    private final String token;

    /**
     * The all-round test user of the default municipality (Lejre): every human role, so functional
     * tests need no thought about roles; RoleMatrixIT and TenancyIT test authorization.
     */
    public Api(int port, String actor) {
        this(port, actor, TestTokens.DEFAULT_MUNICIPALITY, TestTokens.ALL_ROUND);
    }

    /** A user with the given roles in a municipality (null: none). */
    public Api(int port, String actor, String municipality, java.util.List<String> roles) {
        this(port, actor, TestTokens.token(actor, municipality, roles));
    }

    /** A caller presenting this token as it is (null: no Authorization header). */
    public Api(int port, String actor, String token) {
        this.base = "http://localhost:" + port;
        this.actor = actor;
        this.token = token;
    }

    /** The Authorization header value of the legacy all-round user. */
    public static String bearer(String actor) {
        return "Bearer " + TestTokens.token(actor, TestTokens.DEFAULT_MUNICIPALITY, TestTokens.ALL_ROUND);
    }

    public String token() {
        return token;
    }

    public record Response(int status, JsonNode body, String contentType, java.net.http.HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A read with extra headers, such as X-Purpose or X-Min-Event-Position. */
    public Response get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** A command on behalf of someone, with a reason: the audit trail records both. */
    public Response postAs(String path, String json, String onBehalfOf, String reason) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-On-Behalf-Of", onBehalfOf).header("X-Reason", reason)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public String getText(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A command with extra headers, such as an Idempotency-Key. */
    public Response post(String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        headers.forEach(request::header);
        return send(request);
    }

    /** A command without a token. */
    public Response postWithout(String path, String json) {
        return sendAsIs(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        return sendAsIs(authorized(request));
    }

    private Response sendAsIs(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.headers().firstValue("Content-Type").orElse(""), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
