package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full complaint path through the API on real PostgreSQL, with the clock starting on
 * 1 December 2026: decision received, complaint, reconsideration upheld, escalation,
 * Ankestyrelsen remits, a new case-processing deadline.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-12-01T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
class ComplaintPathIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port, "cw-test");
    }

    @Test
    @DisplayName("CASE-REMITTED: decision received → complaint → reconsideration upheld → escalation → Ankestyrelsen remits → new case-processing deadline")
    void fullComplaintPath() {
        Api api = api();
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(1);
        Api.Response decided = api.post("/applications/" + w.applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "mild problems (level 1)",
                               "ruleIds": ["SEL85-TARGET"]}],
                 "content": %s, "delivery": {"channel": "DIGITAL_POST"}}""".formatted(CONTENT));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String decisionId = decided.text("decisionId");
        String grantId = decided.body().path("grants").get(0).path("grantId").asText();
        JsonNode window = deadline(w.caseView().path("deadlines"), "COMPLAINT-WINDOW");
        assertThat(window.path("dueOn").asText()).as("4 weeks from 1 Dec 2026 end on a Tuesday").isEqualTo("2026-12-29");

        advanceTo(api, "2026-12-14");
        Api.Response complaint = api.post("/grants/" + grantId + "/complaints",
                "{\"decisionId\": \"%s\", \"form\": \"ORAL\", \"summary\": \"by phone: I need help cooking\"}".formatted(decisionId));
        assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
        String complaintId = complaint.text("id");
        JsonNode reconsideration = deadline(w.caseView().path("deadlines"), "COMPLAINT-RECONSIDER");
        assertThat(reconsideration.path("dueOn").asText()).isEqualTo("2027-01-11");
        assertThat(deadline(w.caseView().path("deadlines"), "COMPLAINT-WINDOW").isMissingNode()).as("the window closed").isTrue();

        advanceTo(api, "2027-01-04");
        Api.Response upheld = api.post("/grants/" + grantId + "/complaints/" + complaintId + "/reconsideration", """
                {"outcome": "UPHELD", "reasons": "the assessment stands",
                 "caseMaterial": ["decision letter 1 Dec 2026", "VUM assessment", "complaint note 14 Dec 2026"]}""");
        assertThat(upheld.status()).as(upheld.body().toString()).isEqualTo(200);
        JsonNode escalation = deadline(w.caseView().path("deadlines"), "APPEAL-OUTCOME");
        assertThat(escalation.path("kind").asText()).isEqualTo("ESCALATION");
        assertThat(escalation.path("dueOn").asText()).isEqualTo("2027-03-01");
        assertThat(api.get("/grants/" + grantId + "/complaints").body().get(0).path("status").asText()).isEqualTo("AT_ANKESTYRELSEN");

        advanceTo(api, "2027-02-22");
        Api.Response remitted = api.post("/grants/" + grantId + "/complaints/" + complaintId + "/appeal-decision",
                "{\"outcome\": \"REMITTED\", \"decidedOn\": \"2027-02-19\", \"reference\": \"ANK-27-0042\"}");
        assertThat(remitted.status()).as(remitted.body().toString()).isEqualTo(204);

        JsonNode reopened = w.awaitCase(c -> "REOPENED".equals(c.path("status").asText()));
        JsonNode newDeadline = deadline(reopened.path("deadlines"), "CASE-REMITTED");
        assertThat(newDeadline.path("kind").asText()).isEqualTo("CASE_PROCESSING");
        assertThat(newDeadline.path("dueOn").asText()).as("5 weeks from receipt of Ankestyrelsen's decision").isEqualTo("2027-03-29");
        JsonNode all = api.get("/cases/" + w.applicationId + "/deadlines?all=true").body();
        assertThat(deadline(all, "COMPLAINT-RECONSIDER").path("status").asText()).isEqualTo("DONE");
        assertThat(deadline(all, "APPEAL-OUTCOME").path("status").asText()).isEqualTo("DONE");
    }
}
