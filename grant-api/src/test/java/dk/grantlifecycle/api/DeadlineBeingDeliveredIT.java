package dk.grantlifecycle.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that closes a deadline at the moment the scheduler delivers it (here: its task picked
 * by another node, as db-scheduler marks a task it executes). The benchmark met this race under
 * load: db-scheduler refused the cancellation and the command answered 500.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-01-04T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class DeadlineBeingDeliveredIT extends QuerySideBase {

    @Test
    @DisplayName("CASE-DEADLINE-LETTER: a delay letter sent while the case-processing deadline is being delivered is recorded (204); "
            + "the delivery is left to finish and the deadline shows cancelled")
    void closingADeadlineWhileItIsDelivered() {
        Api api = api("cw-anna");
        String application = receive(api, "lejre", "team-nord", false);
        String task = jdbc.queryForObject("SELECT schedule_id FROM deadline_schedule WHERE deadline_name LIKE ?", String.class,
                "%" + application + "/case-processing%");
        assertThat(jdbc.update("UPDATE scheduled_tasks SET picked = true, picked_by = 'other-node', last_heartbeat = now()"
                + " WHERE task_instance = ?", task)).isEqualTo(1);

        Api.Response letter = api.post("/applications/" + application + "/delay-letter",
                "{\"expectedDecisionBy\": \"2027-03-01\", \"reason\": \"waiting for the psychiatrist\"}");

        assertThat(letter.status()).as(String.valueOf(letter.body())).isEqualTo(204);
        assertThat(only(queue("case=" + application + "&kind=CASE_PROCESSING&status=CANCELLED")).path("closedReason").asText())
                .contains("decision expected by 2027-03-01");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class, task))
                .as("the task being delivered is left to its node").isEqualTo(1);
    }
}
