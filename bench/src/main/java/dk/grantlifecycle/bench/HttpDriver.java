package dk.grantlifecycle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The mix over HTTP, as a client would send it. Commands say {@code X-Await-Read-Models: false}:
 * the answer comes right after the commit with {@code X-Event-Position}; a client that reads its
 * write sends that position as {@code X-Min-Event-Position} ({@link #readOwnWrite}).
 */
final class HttpDriver implements Mix.Driver {

    static final String BEHIND = "X-Read-Models: behind, status ";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final boolean awaitReadModels;
    private final String user;
    private volatile String bearer;

    HttpDriver(int port, boolean awaitReadModels) {
        this(port, awaitReadModels, "caseworker-lejre");
    }

    HttpDriver(int port, boolean awaitReadModels, String user) {
        this.base = "http://localhost:" + port;
        this.awaitReadModels = awaitReadModels;
        this.user = user;
    }

    /** The benchmark's service runs in the local mode: a built-in user's token from /dev/token. */
    private String bearer() throws Exception {
        if (bearer == null) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no token from /dev/token: " + r.statusCode() + " " + r.body());
            }
            bearer = "Bearer " + json.readTree(r.body()).path("access_token").asText();
        }
        return bearer;
    }

    record Answer(int status, JsonNode body, long position, String readModels) {
    }

    Answer post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", bearer())
                .header("X-Await-Read-Models", String.valueOf(awaitReadModels))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Answer get(String path, long minPosition) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                .header("Authorization", bearer());
        if (minPosition >= 0) {
            request.header("X-Min-Event-Position", String.valueOf(minPosition));
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer answer(HttpResponse<String> r) throws Exception {
        String body = r.body();
        JsonNode node = body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        long position = r.headers().firstValue("X-Event-Position").map(Long::parseLong).orElse(-1L);
        return new Answer(r.statusCode(), node, position, r.headers().firstValue("X-Read-Models").orElse(null));
    }

    @Override
    public Mix.Outcome run(Mix.CaseFlow f, Mix.Step step) throws Exception {
        Answer a = switch (step) {
            case RECEIVE -> post("/applications", Mix.receive(f));
            case ASSIGN -> post("/applications/" + f.applicationId + "/caseworker", Mix.assign(f));
            case START_ASSESSMENT -> post("/applications/" + f.applicationId + "/assessments", "{}");
            case COMPLETE_ASSESSMENT -> post("/assessments/" + f.assessmentId + "/completion", Mix.COMPLETE_ASSESSMENT);
            case DECIDE -> post("/applications/" + f.applicationId + "/decision", Mix.DECIDE);
            case OFFER_PLAN -> post("/grants/" + f.grantId + "/action-plan/offer", "{}");
            case ANSWER_PLAN -> post("/grants/" + f.grantId + "/action-plan/answer", Mix.ANSWER_PLAN);
            case START_SERVICE -> post("/grants/" + f.grantId + "/start", "{}");
        };
        if (a.status() == 404) {
            // Not visible yet: the case's read model (assessment start) or the grant the case process opens.
            return Mix.Outcome.notYet();
        }
        if (step == Mix.Step.DECIDE && a.status() == 422) {
            return Mix.Outcome.notYetOrFailed(f, step + ":422:" + a.body().path("rule").asText(""));
        }
        if (a.status() / 100 != 2) {
            return Mix.Outcome.failed(step + ":" + a.status() + ":" + a.body().path("type").asText("").replaceAll(".*/", ""));
        }
        switch (step) {
            case RECEIVE -> f.applicationId = a.body().path("id").asText();
            case START_ASSESSMENT -> f.assessmentId = a.body().path("id").asText();
            case DECIDE -> f.grantId = a.body().path("grants").path(0).path("grantId").asText();
            default -> {
            }
        }
        return Mix.Outcome.done(a.position());
    }

    /**
     * Reads the case right after a step with the step's position and checks that the read shows the write.
     * Returns null when it does, else what was missing.
     */
    String readOwnWrite(Mix.CaseFlow f, Mix.Step step, long position) throws Exception {
        Answer c = get("/cases/" + f.applicationId, position);
        if (!"current".equals(c.readModels())) {
            // The bound passed first: the service said so, which is allowed; counted apart from a wrong "current".
            return BEHIND + c.status();
        }
        if (c.status() != 200) {
            return "status " + c.status();
        }
        JsonNode v = c.body();
        boolean shows = switch (step) {
            case ASSIGN -> f.caseworker().equals(v.path("caseworker").asText());
            case START_ASSESSMENT -> f.assessmentId.equals(v.path("assessmentId").asText());
            case COMPLETE_ASSESSMENT -> v.path("scores").has("PRACTICAL_TASKS");
            case DECIDE -> v.path("grants").size() > 0;
            case ANSWER_PLAN -> v.path("grants").path(0).path("actionPlanAccepted").asBoolean(false);
            case START_SERVICE -> !v.path("grants").path(0).path("startedOn").isNull()
                    && !v.path("grants").path(0).path("startedOn").isMissingNode();
            default -> true;
        };
        return shows ? null : "case view does not show " + step;
    }
}
