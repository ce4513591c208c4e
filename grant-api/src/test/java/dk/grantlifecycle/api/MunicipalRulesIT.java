package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 through the API: the assumptions of the rule files listed per municipality at
 * {@code /rulesets}, and Aabenraa's routing of applicants under 25 to KUI (SEL85-UNDER25), which
 * gives the case to KUI's team and caseworkers. The clock starts on Friday 28 February 2025.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2025-02-28T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class MunicipalRulesIT extends QuerySideBase {

    private static final String KUI = "KUI (den kommunale ungeindsats)";

    @Test
    @DisplayName("RULESET: /rulesets lists every assumption per municipality with its reason; Lejre's own are not Aabenraa's")
    void assumptionsPerMunicipality() {
        Api.Response r = api("supervisor").get("/rulesets");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode assumptions = r.body().path("assumptions");
        assertThat(fields(assumptions.path("lejre"))).contains(
                "lejre/2025-08-11.yaml SEL85 caseProcessing P5W",
                "lejre/2025-08-11.yaml SEL85 repeatedCancellations 2",
                "lejre/2024-11-25.yaml SEL103 repeatedCancellations 2",
                "law/2018-07-01.yaml general appealDecisionExpected P8W",
                "law/2018-07-01.yaml general hearingMinimum P7D",
                "law/2018-07-01.yaml general reductionNotice P14D");
        assertThat(fields(assumptions.path("aabenraa")))
                .contains("law/2018-07-01.yaml general hearingMinimum P7D")
                .noneMatch(f -> f.startsWith("lejre/"));
        for (JsonNode list : List.of(assumptions.path("lejre"), assumptions.path("aabenraa"), assumptions.path("gladsaxe"))) {
            assertThat(list).isNotEmpty().allSatisfy(a -> assertThat(a.path("reason").asText()).isNotBlank());
        }
    }

    @Test
    @DisplayName("SEL85-UNDER25: an Aabenraa applicant of 24 is KUI's case: its team, no other team's caseworker, and decided by KUI")
    void under25IsKuisCase() {
        Api api = new Api(port, "cw-syd", "aabenraa", List.of("caseworker", "supervisor"));
        // Born 1 March 2000: 24 on the day of receipt, Friday 28 February 2025.
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "010300-4321", "name": "Ung Borger"}, "municipality": "aabenraa", "paragraph": "SEL85",
                 "services": [{"code": "STØTTE", "themes": ["SOCIAL_LIFE"]}], "team": "team-syd"}""");
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        String id = received.text("id");
        JsonNode view = await(api, id, c -> KUI.equals(c.path("team").asText()));
        assertThat(view.path("routedTo").asText()).isEqualTo(KUI);
        assertThat(view.path("caseworker").isNull() || view.path("caseworker").isMissingNode()).isTrue();

        Api.Response otherTeam = api.post("/applications/" + id + "/caseworker", "{\"team\": \"team-syd\", \"caseworker\": \"cw-syd\"}");
        assertThat(otherTeam.status()).as(otherTeam.body().toString()).isEqualTo(422);
        assertThat(otherTeam.body().path("rule").asText()).isEqualTo("SEL85-UNDER25");
        assertThat(otherTeam.body().toString()).contains("team");

        Api.Response decidedTooEarly = api.post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "STØTTE", "outcome": "REJECTED", "reason": "the need can be met by a værested"}],
                 "content": {"legalRules": "Serviceloven § 85", "discretion": "open offer first", "facts": "screening",
                             "complaintGuidance": {"where": "kommunen", "how": "skriftligt eller mundtligt"}}}""");
        assertThat(decidedTooEarly.status()).as(decidedTooEarly.body().toString()).isEqualTo(422);
        assertThat(decidedTooEarly.body().path("rule").asText()).isEqualTo("SEL85-UNDER25");

        Api.Response kui = api.post("/applications/" + id + "/caseworker", "{\"caseworker\": \"cw-kui\"}");
        assertThat(kui.status()).as(kui.body().toString()).isEqualTo(204);
        JsonNode assigned = await(api, id, c -> "cw-kui".equals(c.path("caseworker").asText()));
        assertThat(assigned.path("team").asText()).isEqualTo(KUI);
    }

    private static List<String> fields(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.path("file").asText() + " " + a.path("section").asText() + " " + a.path("field").asText()
                + " " + a.path("value").asText()));
        return out;
    }

    private static JsonNode await(Api api, String id, java.util.function.Predicate<JsonNode> until) {
        long end = System.currentTimeMillis() + 20_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < end) {
            Api.Response r = api.get("/cases/" + id);
            last = r.body();
            if (r.status() == 200 && until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("case view did not reach the expected state: " + last);
    }
}
