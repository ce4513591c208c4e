package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DST-REPORT through the API: the month's starts, changes and ends per paragraph, corrections, and which months can be reported. */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-02-01T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class DstReportIT extends QuerySideBase {

    @Test
    @DisplayName("DST-REPORT: February's start and change (a reduction decided Monday 1 February 2027, in effect after 14 days' "
            + "notice on Monday 15 February) are reported once; a start recorded late becomes a correction in March")
    void dstReport() {
        Api api = api("cw-anna");
        String moving = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, moving).assess(2);
        String grant = api.post("/applications/" + moving + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"hoursPerWeek": 3, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}"""
                .formatted(CONTENT)).body().path("grants").get(0).path("grantId").asText();
        api.post("/grants/" + grant + "/action-plan/offer", "{}");
        assertThat(api.post("/grants/" + grant + "/start", "{}").status()).isEqualTo(204);
        Api.Response reduced = api.post("/grants/" + grant + "/scope-reduction", """
                {"terms": {"hoursPerWeek": 1, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}, "content": %s}"""
                .formatted(CONTENT));
        assertThat(reduced.status()).as(reduced.body().toString()).isEqualTo(200);

        String late = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, late).assess(2);
        Api.Response decided = api.post("/applications/" + late + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}""".formatted(CONTENT));
        String lateGrant = decided.body().path("grants").get(0).path("grantId").asText();
        api.post("/grants/" + lateGrant + "/action-plan/offer", "{}");
        advanceTo(api, "2027-02-15");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/reports/dst/lejre/2027-02/preview").body()
                .path("lines")).extracting(l -> l.path("movement").asText()).contains("CHANGE"));

        assertThat(api.post("/reports/dst/lejre/2027-02", "").status()).as("February is not over yet").isEqualTo(422);
        advanceTo(api, "2027-03-01");
        JsonNode february = api.post("/reports/dst/lejre/2027-02", "").body();
        assertThat(february.path("dueBy").asText()).isEqualTo("2027-03-14");
        assertThat(february.path("countsPerParagraph").path("SEL85").path("START").asInt()).isEqualTo(1);
        assertThat(february.path("countsPerParagraph").path("SEL85").path("CHANGE").asInt()).isEqualTo(1);
        assertThat(february.path("lines")).allSatisfy(l -> assertThat(l.path("grantId").asText()).isEqualTo(grant));
        assertThat(api.get("/reports/dst/lejre/2027-02/preview").body().path("lines")).as("nothing is reported twice").isEmpty();

        advanceTo(api, "2027-03-02");
        assertThat(api.post("/grants/" + lateGrant + "/start", "{\"startedOn\": \"2027-02-25\"}").status()).isEqualTo(204);
        Api.Response notOver = api.post("/reports/dst/lejre/2027-03", "");
        assertThat(notOver.status()).as("March is not over: " + notOver.body()).isEqualTo(422);
        assertThat(notOver.body().path("field").asText()).isEqualTo("month");
        JsonNode march = api.get("/reports/dst/lejre/2027-03/preview").body();
        assertThat(march.path("lines")).isEmpty();
        assertThat(march.path("corrections")).singleElement().satisfies(c -> {
            assertThat(c.path("grantId").asText()).isEqualTo(lateGrant);
            assertThat(c.path("movement").asText()).isEqualTo("START");
            assertThat(c.path("month").asText()).isEqualTo("2027-02");
            assertThat(c.path("correction").asBoolean()).isTrue();
        });
        assertThat(api.get("/reports/dst/lejre/2027-02").body()).hasSize(1);
        assertThat(api.post("/reports/dst/lejre/2027-13", "").status()).isEqualTo(400);
        for (String month : List.of("0000-01", "9999-12", "2027-04", "2026-12")) {
            Api.Response refused = api.post("/reports/dst/lejre/" + month, "");
            assertThat(refused.status()).as(month + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.body().path("field").asText()).isEqualTo("month");
            assertThat(refused.body().path("rule").asText()).isEqualTo("DST-REPORT");
        }
        assertThat(api.post("/reports/dst/aarhus/2027-02", "").body().path("field").asText()).isEqualTo("municipality");
    }
}
