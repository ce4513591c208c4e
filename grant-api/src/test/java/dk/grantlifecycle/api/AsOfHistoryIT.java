package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** As-of history: a case as it was known at an instant, rebuilt from the event store, not from today's read models. */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-02-09T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class AsOfHistoryIT extends QuerySideBase {

    @Test
    @DisplayName("As-of history: the case as known at four instants, rebuilt from the event store; a reduction decided on Thursday "
            + "11 February 2027 waits its 14 days' notice from receipt and takes effect on Thursday 25 February")
    void asOfHistory() {
        Api api = api("cw-anna");
        String id = receive(api, "lejre", "team-nord", false);
        Instant received = Instant.parse(api.get("/simulation/clock").text("now"));
        Workflow.of(api, id).assess(2);
        advanceTo(api, "2027-02-10");
        Api.Response decided = api.post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"hoursPerWeek": 3, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}"""
                .formatted(CONTENT));
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        Instant afterDecision = Instant.parse(api.get("/simulation/clock").text("now"));
        advanceTo(api, "2027-02-11");
        api.post("/grants/" + grant + "/action-plan/offer", "{}");
        api.post("/grants/" + grant + "/start", "{}");
        Api.Response reduced = api.post("/grants/" + grant + "/scope-reduction", """
                {"terms": {"hoursPerWeek": 1, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}, "content": %s}"""
                .formatted(CONTENT));
        assertThat(reduced.status()).as(reduced.body().toString()).isEqualTo(200);
        Instant afterReduction = Instant.parse(api.get("/simulation/clock").text("now"));
        advanceTo(api, "2027-02-25");

        JsonNode t1 = api.get("/cases/" + id + "/as-of?at=" + received).body();
        assertThat(t1.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(t1.path("grants")).isEmpty();
        assertThat(t1.path("openDeadlines")).extracting(d -> d.path("ruleId").asText()).containsExactly("CASE-DEADLINE");

        JsonNode t2 = api.get("/cases/" + id + "/as-of?at=" + afterDecision).body();
        assertThat(t2.path("status").asText()).isEqualTo("DECIDED");
        assertThat(t2.path("scores").path("PRACTICAL_TASKS").asInt()).isEqualTo(2);
        assertThat(t2.path("grants").get(0).path("status").asText()).isEqualTo("GRANTED");
        assertThat(t2.path("grants").get(0).path("terms").path("hoursPerWeek").asInt()).isEqualTo(3);
        assertThat(t2.path("openDeadlines")).extracting(d -> d.path("ruleId").asText())
                .containsExactlyInAnyOrder("COMPLAINT-WINDOW", "SEL85-FOLLOWUP-6M");

        JsonNode t3 = api.get("/cases/" + id + "/as-of?at=2027-02-11").body();
        assertThat(t3.path("grants").get(0).path("status").asText()).isEqualTo("STARTED");
        assertThat(t3.path("grants").get(0).path("terms").path("hoursPerWeek").asInt())
                .as("the current terms run until the reduction takes effect").isEqualTo(3);
        assertThat(t3.path("openDeadlines")).filteredOn(d -> d.path("kind").asText().equals("NOTICE_EFFECTIVE"))
                .extracting(d -> d.path("dueOn").asText()).containsExactly("2027-02-25");
        assertThat(Instant.parse(t3.path("lastEventAt").asText())).isBeforeOrEqualTo(afterReduction);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/cases/" + id + "/as-of?at=2027-02-25").body()
                .path("grants").get(0).path("terms").path("hoursPerWeek").asInt()).as("in effect on 25 February").isEqualTo(1));
        JsonNode t4 = api.get("/cases/" + id + "/as-of?at=2027-02-25").body();
        assertThat(t4.path("openDeadlines")).extracting(d -> d.path("kind").asText()).doesNotContain("NOTICE_EFFECTIVE");
        assertThat(t4.toString()).doesNotContain("010190", "Test Borger");
        assertThat(api.get("/cases/" + id + "/as-of?at=2027-01-01").status()).as("nothing known before receipt").isEqualTo(404);
    }
}
