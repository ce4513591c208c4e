package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * NOTICE-3A-14W through the API on real PostgreSQL, with the clock starting on 1 December 2026: a
 * BPA reduction whose 14-week notice crosses Easter 2027.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-12-01T09:00:00Z",
                "grants.embedded-postgres.data-directory="})
class BpaNoticeIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port, "cw-test");
    }

    @Test
    @DisplayName("NOTICE-3A-14W: a BPA reduction received 21 Dec 2026 takes effect after Easter 2027; the grant shows both scopes until then")
    void bpaReductionNoticeCrossesEaster() {
        Api api = api();
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "020285-2345"}, "municipality": "lejre", "paragraph": "SEL96",
                 "services": [{"code": "BPA", "description": "Borgerstyret personlig assistance", "themes": ["SELF_CARE"]}]}""");
        String applicationId = received.text("id");
        Api.Response decided = api.post("/applications/" + applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "BPA", "outcome": "GRANTED", "terms": {"description": "BPA", "hoursPerWeek": 40}}],
                 "facts": ["SUBSTANTIAL_PERMANENT_IMPAIRMENT", "EXTENSIVE_COMPOSITE_NEED", "ABLE_TO_ACT_AS_WORK_LEADER"],
                 "content": %s}""".formatted(CONTENT));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String grantId = decided.body().path("grants").get(0).path("grantId").asText();
        assertThat(api.post("/grants/" + grantId + "/action-plan/offer", "{}").status()).isEqualTo(204);
        assertThat(api.post("/grants/" + grantId + "/start", "{}").status()).isEqualTo(204);

        advanceTo(api, "2026-12-21");
        Api.Response reduced = api.post("/grants/" + grantId + "/scope-reduction", """
                {"terms": {"description": "BPA", "hoursPerWeek": 30}, "content": %s, "delivery": {"channel": "DIGITAL_POST"}}"""
                .formatted(CONTENT));
        assertThat(reduced.status()).as(reduced.body().toString()).isEqualTo(200);

        JsonNode grant = api.get("/grants/" + grantId).body();
        assertThat(grant.path("terms").path("hoursPerWeek").asInt()).as("the current scope keeps running").isEqualTo(40);
        assertThat(grant.path("comingTerms").path("hoursPerWeek").asInt()).isEqualTo(30);
        assertThat(grant.path("comingTermsFrom").asText()).as("14 weeks end on 2. påskedag; the next hverdag").isEqualTo("2027-03-30");
        JsonNode notice = deadline(Workflow.of(api, applicationId).caseView().path("deadlines"), "NOTICE-3A-14W");
        assertThat(notice.path("kind").asText()).isEqualTo("NOTICE_EFFECTIVE");
        assertThat(notice.path("dueOn").asText()).isEqualTo("2027-03-30");

        advanceTo(api, "2027-03-29");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> api.get("/grants/" + grantId).body().path("terms").path("hoursPerWeek").asInt() == 40);
        advanceTo(api, "2027-03-30");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/grants/" + grantId).body().path("terms").path("hoursPerWeek").asInt() == 30);
        assertThat(api.get("/grants/" + grantId).body().path("comingTerms").isNull()).isTrue();
    }
}
