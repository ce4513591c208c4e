package dk.grantlifecycle.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input defects reported in issue 7, each as the request that showed it: every one is now a
 * 4xx problem+json naming the field, and none of them stores an event.
 */
class InputBoundsIT extends ApiIT {

    private static final String RECEIVE = """
            {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
             "team": "team-nord"}""";

    private int before;

    @BeforeEach
    void count() {
        before = totalEvents();
    }

    private void assertRefused(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("field").asText()).as(r.body().toString()).isEqualTo(field);
        assertThat(r.body().path("detail").asText()).isNotBlank();
    }

    private void assertNothingStored() {
        assertThat(totalEvents()).as("events stored by refused requests").isEqualTo(before);
    }

    @Test
    @DisplayName("services: [null] and outcomes: [null] were 500 (NullPointerException); now 400 naming the element")
    void nullListElements() {
        assertRefused(api.post("/applications", RECEIVE.replaceFirst("\"services\": \\[\\{.*}]", "\"services\": [null]")), 400,
                "services[0]");
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2);
        before = totalEvents();
        assertRefused(api.post("/applications/" + w.applicationId + "/decision", "{\"outcomes\":[null]}"), 400, "outcomes[0]");
        assertRefused(api.post("/applications/" + w.applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["cooks", null], "lessIntrusiveConsidered": ["y"]}}]}"""), 400, "outcomes[0].terms.goals[1]");
        assertNothingStored();
    }

    @Test
    @DisplayName("U+0000 in a text field was stored and broke the read models; now 400 naming the field")
    void nulCharactersInTexts() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2).grant();
        before = totalEvents();
        assertRefused(api.post("/applications", RECEIVE.replace("team-nord", "team\\u0000nord")), 400, "team");
        assertRefused(api.post("/applications", RECEIVE.replace("Træning i madlavning", "Træning\\u0000")), 400,
                "services[0].description");
        assertRefused(api.post("/applications/" + w.applicationId + "/caseworker", "{\"caseworker\": \"cw\\u0000anna\"}"), 400,
                "caseworker");
        assertRefused(api.post("/grants/" + w.grantId + "/complaints/00000000-aaaa-bbbb-cccc-000000000000/appeal-decision",
                "{\"outcome\": \"UPHELD\", \"reference\": \"ANK\\u0000-1\"}"), 400, "reference");
        assertRefused(api.post("/grants/" + w.grantId + "/hearings/00000000-aaaa-bbbb-cccc-000000000000/answer",
                "{\"answer\": \"no\\u0000\"}"), 400, "answer");
        assertRefused(api.post("/grants/" + w.grantId + "/hearings", "{\"facts\": \"line one\\nline two\\u0001\"}"), 400, "facts");
        assertNothingStored();
    }

    @Test
    @DisplayName("a multi-line text keeps its newlines and tabs; a single-line one does not")
    void newlinesOnlyWhereATextSpansLines() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2).grant();
        assertThat(api.post("/grants/" + w.grantId + "/hearings", "{\"facts\": \"line one\\n\\tline two\"}").status()).isEqualTo(201);
        before = totalEvents();
        assertRefused(api.post("/applications/" + w.applicationId + "/caseworker", "{\"caseworker\": \"cw\\nanna\"}"), 400,
                "caseworker");
        assertNothingStored();
    }

    @Test
    @DisplayName("dates as numbers (days since 1970) and years 0001, -0001, 1800 were accepted; now 400")
    void datesAreIsoStringsInASaneRange() {
        for (String date : List.of("20000", "\"0001-01-01\"", "\"-0001-01-01\"", "\"1800-06-01\"", "\"2101-01-01\"", "\"2026-02-30\"",
                "[2026, 1, 5]", "\"2026-1-5\"", "\"\"")) {
            assertRefused(api.post("/applications", RECEIVE.replace("\"team\"", "\"receivedOn\": " + date + ", \"team\"")), 400,
                    "receivedOn");
        }
        assertRefused(api.post("/applications", RECEIVE.replace("[\"PRACTICAL_TASKS\"]}]", "[\"PRACTICAL_TASKS\"]}], "
                + "\"source\": {\"channel\": \"CITIZEN\"}, \"facts\": [\"RECEIVES_STATE_PENSION\"], \"acute\": true, "
                + "\"receivedOn\": \"1899-12-31\"")), 400, "receivedOn");
        assertNothingStored();
    }

    @Test
    @DisplayName("a 2 MB description was accepted; now the body limit (413) and the field limit (400) refuse it")
    void oversizedInput() {
        String huge = "x".repeat(2 * 1024 * 1024);
        assertRefused(api.post("/applications", RECEIVE.replace("Træning i madlavning", huge)), 413, "body");
        assertRefused(api.post("/applications", RECEIVE.replace("Træning i madlavning", "x".repeat(4001))), 400,
                "services[0].description");
        assertRefused(api.post("/applications", RECEIVE.replace("team-nord", "t".repeat(300))), 400, "team");
        assertNothingStored();
    }

    @Test
    @DisplayName("unknown enum values and VUM themes are refused naming the values allowed")
    void unknownValuesNameTheAllowedOnes() {
        Api.Response theme = api.post("/applications", RECEIVE.replace("PRACTICAL_TASKS", "COOKING"));
        assertRefused(theme, 400, "services[0].themes[0]");
        assertThat(theme.body().path("detail").asText()).contains("PRACTICAL_TASKS", "SELF_CARE");
        Api.Response paragraph = api.post("/applications", RECEIVE.replace("SEL85", "SEL999"));
        assertRefused(paragraph, 400, "paragraph");
        assertThat(paragraph.body().path("allowed").toString()).contains("SEL85", "SEL97");
        assertRefused(api.post("/applications", RECEIVE.replace("\"SEL85\"", "4")), 400, "paragraph");
        assertNothingStored();
    }

    @Test
    @DisplayName("Tomcat's own refusals (%00, %ff%fe, a raw '{') were HTML; now problem+json naming the path")
    void serverLevelRefusalsAreProblems() {
        for (String target : List.of("/cases/%00", "/cases/%ff%fe", "/cases/{x", "/cases/a%2fb")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", target, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
            assertThat(answer.body()).as(target).contains("\"field\":\"path\"");
        }
        RawHttp.Answer post = RawHttp.send(port, "POST", "/applications/%00/caseworker", "{\"caseworker\": \"cw\"}");
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertNothingStored();
    }

    @Test
    @DisplayName("POST /admin/replays/cases;drop started a rebuild; now matrix parameters are refused")
    void matrixParametersAreRefused() {
        String before = api.get("/admin/replays/cases").text("startedAt");
        assertRefused(api.post("/admin/replays/cases;drop", ""), 400, "path");
        assertRefused(api.post("/admin/replays/drop", ""), 400, "projection");
        assertThat(api.get("/admin/replays/cases").text("startedAt")).as("no replay started").isEqualTo(before);
    }

    @Test
    @DisplayName("path variables and query parameters are bounded too")
    void pathVariablesAndParameters() {
        // A case of the caller's own: an unknown or foreign case answers 404 before its parameters are read (tenancy).
        String own = new Workflow(api).receive("lejre", "010190-1234").applicationId;
        before = totalEvents();
        assertRefused(api.get("/deadlines?team=%00"), 400, "team");
        assertRefused(api.get("/deadlines?caseworker=" + "c".repeat(300)), 400, "caseworker");
        assertRefused(api.get("/reports/dst/lejre/2027-1/preview"), 400, "month");
        assertRefused(api.get("/reports/dst/LEJRE%20X/2027-01/preview"), 400, "municipality");
        assertRefused(api.post("/grants/00000000-0000-0000-0000-000000000000/complaints/x/suspension", "{}"), 400, "complaintId");
        assertRefused(api.get("/rulesets/lejre/SEL999"), 400, "paragraph");
        assertRefused(api.get("/cases/" + own + "/deadlines?kind=NOPE"), 400, "kind");
        assertNothingStored();
    }
}
