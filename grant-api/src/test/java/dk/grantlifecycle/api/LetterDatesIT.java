package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dates a decision letter gives, through the API on real PostgreSQL: the complaint deadline the
 * letter states is checked against the law's (DECISION-CONTENT, DEADLINE-COUNT), and a receipt
 * confirmed after sending moves the complaint window (RECEIPT). The clock starts Monday 23 February 2026.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-02-23T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class LetterDatesIT extends QuerySideBase {

    private static final String REJECTION = """
            {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1", "ruleIds": ["SEL85-TARGET"]}],
             "content": {"legalRules": "Serviceloven § 85", "discretion": "the need is small", "facts": "VUM level 1",
                         "complaintGuidance": {"where": "Lejre Kommune", "how": "in writing or orally"%s}},
             "delivery": {"channel": "%s"}}""";

    @Test
    @DisplayName("DECISION-CONTENT, DEADLINE-COUNT, RECEIPT: on Monday 23 February 2026 a letter may not state less than 4 weeks "
            + "(23 March) and a paper letter no date; a refusal posted that day is presumed received Monday 2 March (window to 30 "
            + "March); its confirmed receipt of Thursday 5 March moves the window past Easter to Tuesday 7 April; a repeat changes nothing")
    void letterDatesAndReceipt() {
        statedDeadlineIsChecked();
        Api api = api("cw-anna");
        String id = receive(api, "lejre", "team-nord", false);
        Workflow w = Workflow.of(api, id).assess(1);
        Api.Response decided = api.post("/applications/" + id + "/decision", REJECTION.formatted("", "PAPER"));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String decision = decided.text("decisionId");
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        JsonNode presumed = w.awaitCase(c -> !deadline(c.path("deadlines"), "COMPLAINT-WINDOW").isMissingNode());
        assertThat(deadline(presumed.path("deadlines"), "COMPLAINT-WINDOW").path("dueOn").asText()).isEqualTo("2026-03-30");

        advanceTo(api, "2026-03-05");
        String receipt = "{\"channel\": \"PAPER\", \"receivedOn\": \"%s\", \"reference\": \"%s\"}";
        Api.Response early = api.post("/grants/" + grant + "/decisions/" + decision + "/receipt", receipt.formatted("2026-02-22", "m-0"));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(422);
        assertThat(early.body().path("rule").asText()).isEqualTo("RECEIPT");
        assertThat(early.body().path("field").asText()).isEqualTo("receivedOn");
        assertThat(api.post("/grants/" + grant + "/decisions/" + decision + "/receipt", receipt.formatted("2026-03-05", "m-1")).status())
                .isEqualTo(204);
        JsonNode moved = w.awaitCase(c -> deadline(c.path("deadlines"), "COMPLAINT-WINDOW").path("dueOn").asText().equals("2026-04-07"));
        assertThat(deadline(moved.path("deadlines"), "COMPLAINT-WINDOW").path("status").asText()).isNotEqualTo("OVERDUE");

        int events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, grant);
        assertThat(api.post("/grants/" + grant + "/decisions/" + decision + "/receipt", receipt.formatted("2026-03-05", "m-1")).status())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, grant))
                .isEqualTo(events);
        assertThat(api.post("/grants/" + grant + "/decisions/" + decision + "/receipt", receipt.formatted("2026-03-04", "m-2")).status())
                .as("a different receipt for a confirmed decision").isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT execution_time FROM scheduled_tasks t JOIN deadline_schedule m ON m.schedule_id = t.task_instance "
                + "WHERE m.deadline_name = ?", java.sql.Timestamp.class, "deadline:" + grant + "/complaint-window/" + decision).toInstant())
                .as("the window is reached at the start of the day after its last day").isEqualTo("2026-04-07T22:00:00Z");
    }

    /**
     * DECISION-CONTENT, DEADLINE-COUNT: a Digital Post letter of Monday 23 February 2026 may not tell
     * the citizen less than 4 weeks (Monday 23 March); a paper letter may not give a date at all.
     */
    private void statedDeadlineIsChecked() {
        Api api = api("cw-anna");
        String id = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, id).assess(1);
        int before = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
        for (String[] wrong : new String[][]{{", \"deadline\": \"2026-03-02\"", "DIGITAL_POST"}, {", \"deadline\": \"2026-03-20\"", "DIGITAL_POST"},
                {", \"deadline\": \"2026-04-30\"", "PAPER"}}) {
            Api.Response refused = api.post("/applications/" + id + "/decision", REJECTION.formatted(wrong[0], wrong[1]));
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
            assertThat(refused.body().path("rule").asText()).isEqualTo("DECISION-CONTENT");
            assertThat(refused.body().path("field").asText()).isEqualTo("content.complaintGuidance.deadline");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class)).isEqualTo(before);
        Api.Response lawful = api.post("/applications/" + id + "/decision", REJECTION.formatted(", \"deadline\": \"2026-03-23\"",
                "DIGITAL_POST"));
        assertThat(lawful.status()).as(lawful.body().toString()).isEqualTo(201);
    }
}
