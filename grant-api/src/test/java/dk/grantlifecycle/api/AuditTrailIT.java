package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditors' trail through the API: every event of a case in order, with its audit facts, filters and CSV. */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-02-09T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class AuditTrailIT extends QuerySideBase {

    @Test
    @DisplayName("The audit trail: every event in order with time, actor, on whose behalf, reason, rule IDs and rule-set version; filters; CSV")
    void auditTrail() {
        Api api = api("cw-dorthe");
        Api.Response received = api.postAs("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""", "guardian-77", "phone call from the guardian");
        String id = received.text("id");
        Workflow.of(api, id).assess(1);
        Api.Response decided = api("cw-erik").post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1", "ruleIds": ["SEL85-TARGET"]}],
                 "content": %s}""".formatted(CONTENT));
        assertThat(decided.status()).isEqualTo(201);

        JsonNode trail = api.get("/cases/" + id + "/audit").body();
        assertThat(trail).extracting(e -> e.path("eventType").asText()).startsWith("ApplicationReceived", "CaseProcessingDeadlineSet")
                .contains("AssessmentStarted", "AssessmentCompleted", "AssessmentAttached", "ApplicationDecided", "ServiceRejected",
                        "ComplaintWindowOpened");
        JsonNode first = trail.get(0);
        assertThat(first.path("actor").asText()).isEqualTo("cw-dorthe");
        assertThat(first.path("onBehalfOf").asText()).isEqualTo("guardian-77");
        assertThat(first.path("reason").asText()).isEqualTo("phone call from the guardian");
        assertThat(first.path("occurredAt").asText()).startsWith("2027-02-09");
        assertThat(first.toString()).as("PII-NOT-IN-CLEAR").doesNotContain("010190", "Test Borger");
        JsonNode decision = api.get("/cases/" + id + "/audit?type=ApplicationDecided").body();
        assertThat(decision).hasSize(1);
        assertThat(decision.get(0).path("actor").asText()).isEqualTo("cw-erik");
        assertThat(decision.get(0).path("ruleIds")).extracting(JsonNode::asText).contains("SEL85-TARGET");
        assertThat(decision.get(0).path("ruleSetVersion").asText()).isEqualTo("lejre@2025-08-11+law@2018-07-01");
        assertThat(api.get("/cases/" + id + "/audit?actor=cw-erik").body()).allSatisfy(e ->
                assertThat(e.path("actor").asText()).isEqualTo("cw-erik"));
        assertThat(api.get("/cases/" + id + "/audit?from=2099-01-01T00:00:00Z").body()).isEmpty();
        String csv = api.getText("/cases/" + id + "/audit?format=csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("occurredAt,eventType,actor,onBehalfOf,reason,ruleIds");
        assertThat(csv).contains("ApplicationDecided,cw-erik").doesNotContain("010190");
    }
}
