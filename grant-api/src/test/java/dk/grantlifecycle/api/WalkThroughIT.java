package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The walk-through of requests.http: a § 85 case from application to its first follow-up. */
class WalkThroughIT extends ApiIT {

    @Test
    void healthIsUpAndTheApiIsDocumented() {
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
        JsonNode docs = api.get("/v3/api-docs").body();
        assertThat(docs.path("paths").has("/applications")).isTrue();
        assertThat(docs.path("paths").has("/applications/{id}/decision")).isTrue();
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: a § 85 case from application through decision to its first follow-up, done and rescheduled")
    void section85FromApplicationToFirstFollowUp() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234");
        JsonNode received = w.caseView();
        assertThat(received.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.path("deadlines").get(0).path("ruleId").asText()).isEqualTo("CASE-DEADLINE");
        assertThat(received.toString()).doesNotContain("010190", "Test Borger");

        w.assess(3).grant();
        JsonNode decided = w.caseView();
        assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
        JsonNode grant = decided.path("grants").get(0);
        assertThat(grant.path("actionPlan").asText()).isEqualTo("MUST_OFFER");
        assertThat(grant.path("terms").path("temporary").asBoolean()).isTrue();
        JsonNode followUp = deadline(decided.path("deadlines"), "SEL85-FOLLOWUP-6M");
        assertThat(followUp.path("kind").asText()).isEqualTo("FOLLOW_UP");
        assertThat(deadline(decided.path("deadlines"), "CASE-DEADLINE").isMissingNode()).as("the case-processing deadline was met").isTrue();
        assertThat(deadline(decided.path("deadlines"), "COMPLAINT-WINDOW").path("kind").asText()).isEqualTo("COMPLAINT_WINDOW");

        assertThat(api.post("/grants/" + w.grantId + "/start", "{}").status()).as("ACTION-PLAN").isEqualTo(422);
        assertThat(api.post("/grants/" + w.grantId + "/action-plan/offer", "{}").status()).isEqualTo(204);
        assertThat(api.post("/grants/" + w.grantId + "/action-plan/answer", "{\"accepted\": true}").status()).isEqualTo(204);
        assertThat(api.post("/grants/" + w.grantId + "/start", "{}").status()).isEqualTo(204);

        LocalDate due = LocalDate.parse(followUp.path("dueOn").asText());
        LocalDate today = LocalDate.parse(api.get("/simulation/clock").text("today"));
        api.post("/simulation/clock/advance", "{\"by\": \"P%dD\"}".formatted(due.toEpochDay() - today.toEpochDay()));
        JsonNode fired = w.awaitCase(c -> "DUE_TODAY".equals(deadline(c.path("deadlines"), "SEL85-FOLLOWUP-6M").path("status").asText()));
        String key = deadline(fired.path("deadlines"), "SEL85-FOLLOWUP-6M").path("deadlineKey").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT state FROM deadline_view WHERE deadline_key = ?", String.class, key).equals("FIRED"));

        Api.Response done = api.post("/grants/" + w.grantId + "/follow-ups/completion",
                "{\"deadlineKey\": \"%s\", \"note\": \"goals progressing\"}".formatted(key));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(204);
        JsonNode next = w.awaitCase(c -> !deadline(c.path("deadlines"), "SEL85-FOLLOWUP-6M").path("deadlineKey").asText().equals(key));
        assertThat(LocalDate.parse(deadline(next.path("deadlines"), "SEL85-FOLLOWUP-6M").path("dueOn").asText())).isEqualTo(due.plusMonths(6));
        assertThat(api.get("/cases/" + w.applicationId + "/deadlines?all=true").body())
                .anySatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("DONE"));
    }

    @Test
    @DisplayName("CASE-DEADLINE-LETTER: a case-processing deadline reached without decision is overdue until the citizen is told")
    void caseProcessingDeadlineReached() {
        // An Aabenraa case, worked on by Aabenraa's staff (tenancy).
        Api api = new Api(port, "cw-test", "aabenraa", TestTokens.ALL_ROUND);
        Workflow w = new Workflow(api).receive("aabenraa", "010190-1234");
        LocalDate due = LocalDate.parse(deadline(w.caseView().path("deadlines"), "CASE-DEADLINE").path("dueOn").asText());
        LocalDate today = LocalDate.parse(api.get("/simulation/clock").text("today"));
        api.post("/simulation/clock/advance", "{\"by\": \"P%dD\"}".formatted(due.toEpochDay() - today.toEpochDay() + 1));
        w.awaitCase(c -> "OVERDUE".equals(deadline(c.path("deadlines"), "CASE-DEADLINE").path("status").asText()));
        LocalDate now = LocalDate.parse(api.get("/simulation/clock").text("today"));
        assertThat(api.post("/applications/" + w.applicationId + "/delay-letter",
                "{\"expectedDecisionBy\": \"%s\", \"reason\": \"awaiting specialist statement\"}".formatted(now.plusWeeks(3)))
                .status()).isEqualTo(204);
        JsonNode after = w.awaitCase(c -> !deadline(c.path("deadlines"), "CASE-DEADLINE-LETTER").isMissingNode());
        assertThat(deadline(after.path("deadlines"), "CASE-DEADLINE-LETTER").path("status").asText()).isEqualTo("UPCOMING");
    }
}
