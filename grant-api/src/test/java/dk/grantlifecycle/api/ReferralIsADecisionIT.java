package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending an applicant on elsewhere is in law a refusal (Retssikkerhedsloven § 5): it is a
 * decision with reasons, complaint guidance, a receipt date and a complaint window on a grant line,
 * so it can be complained about. Only the citizen's own withdrawal closes an application without
 * a decision.
 */
class ReferralIsADecisionIT extends ApiIT {

    @Test
    @DisplayName("SEL85-PENSIONER, DECISION-CONTENT: a referral to § 83 without reasons and complaint guidance is refused, and stores nothing")
    void referralWithoutReasonsIsRefused() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234");
        int before = eventsOf(w.applicationId);
        Api.Response r = api.post("/applications/" + w.applicationId + "/referral", """
                {"referredTo": "§ 83 praktisk hjælp", "reason": "the citizen receives state pension", "ruleIds": ["SEL85-PENSIONER"]}""");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().path("rule").asText()).isEqualTo("DECISION-CONTENT");
        assertThat(eventsOf(w.applicationId)).isEqualTo(before);
    }

    @Test
    @DisplayName("SEL85-PENSIONER, COMPLAINT-WINDOW: a referral after an assessment is a refusal with a rejected grant line and a complaint window")
    void referralIsARefusalThatCanBeComplainedAbout() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2);
        Api.Response r = api.post("/applications/" + w.applicationId + "/referral", """
                {"referredTo": "§ 83 praktisk hjælp", "reason": "the citizen receives state pension", "ruleIds": ["SEL85-PENSIONER"],
                 "content": %s, "delivery": {"channel": "DIGITAL_POST"}}""".formatted(CONTENT));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String grantId = r.body().path("grants").get(0).path("grantId").asText();

        JsonNode decided = w.awaitCase(c -> c.path("grants").size() == 1 && !deadline(c.path("deadlines"), "COMPLAINT-WINDOW").isMissingNode());
        assertThat(decided.path("status").asText()).isEqualTo("REFERRED");
        assertThat(decided.path("referredTo").asText()).isEqualTo("§ 83 praktisk hjælp");
        assertThat(decided.path("grants").get(0).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(decided.path("grants").get(0).path("grantId").asText()).isEqualTo(grantId);
        assertThat(deadline(decided.path("deadlines"), "CASE-DEADLINE").isMissingNode()).as("the case-processing deadline is met").isTrue();

        String decisionId = r.body().path("decisionId").asText();
        Api.Response complaint = api.post("/grants/" + grantId + "/complaints", """
                {"decisionId": "%s", "form": "ORAL", "summary": "I want practical help, not a referral"}""".formatted(decisionId));
        assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
    }

    @Test
    @DisplayName("Only the citizen's withdrawal closes an application without a decision; its date and form are recorded")
    void withdrawalClosesWithoutADecision() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234");
        Api.Response r = api.post("/applications/" + w.applicationId + "/withdrawal", """
                {"form": "ORAL", "note": "the citizen called and withdrew the application"}""");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(204);
        JsonNode withdrawn = w.awaitCase(c -> "WITHDRAWN".equals(c.path("status").asText()));
        assertThat(withdrawn.path("grants")).isEmpty();
        assertThat(deadline(withdrawn.path("deadlines"), "CASE-DEADLINE").isMissingNode()).isTrue();
        assertThat(api.post("/applications/" + w.applicationId + "/withdrawal", "{\"form\": \"WRITTEN\"}").status())
                .as("a closed application cannot be withdrawn again").isEqualTo(409);
    }
}
