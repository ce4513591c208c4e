package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One § 85 case walked through the API, step by step, the way requests.http walks it. */
public final class Workflow {

    private final Api api;
    public String applicationId;
    public String assessmentId;
    public String grantId;

    public Workflow(Api api) {
        this.api = api;
    }

    /** A workflow on a case that already exists. */
    public static Workflow of(Api api, String applicationId) {
        Workflow w = new Workflow(api);
        w.applicationId = applicationId;
        return w;
    }

    public Workflow receive(String municipality, String cpr) {
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "%s", "name": "Test Borger"}, "municipality": "%s", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
                 "source": {"channel": "PARTNER", "partner": "psykiatrien"}, "team": "team-nord"}""".formatted(cpr, municipality));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        applicationId = r.text("id");
        awaitCase(c -> !c.isMissingNode());
        return this;
    }

    public Workflow assess(int level) {
        Api.Response started = api.post("/applications/" + applicationId + "/assessments", "{}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assessmentId = started.text("id");
        Api.Response done = api.post("/assessments/" + assessmentId + "/completion", """
                {"scores": {"PRACTICAL_TASKS": %d, "HEALTH": "NOT_ASSESSED"},
                 "evidence": [{"source": "DOCTOR", "description": "statement from GP", "consentGiven": true}],
                 "madeWithCitizen": true}""".formatted(level));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(204);
        awaitCase(c -> c.path("scores").has("PRACTICAL_TASKS"));
        return this;
    }

    public Workflow grant() {
        Api.Response r = api.post("/applications/" + applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                               "terms": {"description": "Træning i madlavning", "hoursPerWeek": 2, "form": "GROUP",
                                         "goals": ["laver varm mad tre gange om ugen"],
                                         "lessIntrusiveConsidered": ["værested afprøvet i 3 måneder"]}}],
                 "content": {"legalRules": "Serviceloven § 85", "discretion": "moderate, trainable need",
                             "facts": "VUM assessment", "complaintGuidance": {"where": "kommunen", "how": "skriftligt eller mundtligt"}}}""");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        grantId = r.body().path("grants").get(0).path("grantId").asText();
        awaitCase(c -> c.path("grants").size() == 1 && c.path("deadlines").size() >= 2);
        return this;
    }

    public JsonNode caseView() {
        Api.Response r = api.get("/cases/" + applicationId);
        return r.status() == 200 ? r.body() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    public JsonNode awaitCase(java.util.function.Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(caseView()));
        return caseView();
    }
}
