package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The core promise on real PostgreSQL: a first-time § 85 grant made through the API keeps its
 * 12-week reassessment across a restart of the whole service (embedded PostgreSQL included), and
 * when the clock has moved 12 weeks ReassessmentDue fires exactly once. The restart also rebuilds
 * the case and deadline read models from the first event (the command-line replay switch).
 */
class RestartReassessmentIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--grants.simulation.enabled=true",
                "--grants.simulation.start=2025-02-03T09:00:00Z", "--grants.embedded-postgres.data-directory=" + data.resolve("postgres")));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(dk.grantlifecycle.api.GrantsApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "cw-test");
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: the 12-week reassessment survives a restart and fires exactly once")
    void reassessmentSurvivesRestartAndFiresOnce() {
        Workflow workflow;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            workflow = new Workflow(api).receive("lejre", "010190-1234").assess(2).grant();
            JsonNode deadline = Scenarios.deadline(workflow.caseView().path("deadlines"), "SEL85-REASSESS-12W");
            assertThat(deadline.path("dueOn").asText()).isEqualTo("2025-04-28");
        }

        try (ConfigurableApplicationContext second = start("--grants.replay=cases,deadlines")) {
            Api api = api(second);
            await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(api.get("/admin/replays/deadlines").text("state"))
                    && "DONE".equals(api.get("/admin/replays/cases").text("state")));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Workflow after = Workflow.of(api, workflow.applicationId);
            assertThat(api.get("/simulation/clock").text("today")).as("the simulated clock continues").isEqualTo("2025-02-03");
            assertThat(reassessmentsDue(jdbc)).isZero();

            assertThat(api.post("/simulation/clock/advance", "{\"by\": \"P12W\"}").text("today")).isEqualTo("2025-04-28");

            await().atMost(Duration.ofSeconds(20)).until(() -> reassessmentsDue(jdbc) == 1);
            JsonNode due = Scenarios.deadline(after.awaitCase(c -> "DUE_TODAY".equals(
                    Scenarios.deadline(c.path("deadlines"), "SEL85-REASSESS-12W").path("status").asText())).path("deadlines"),
                    "SEL85-REASSESS-12W");
            assertThat(due.path("kind").asText()).isEqualTo("REASSESSMENT");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reassessmentsDue(jdbc) == 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isZero();
        }
    }

    private static int reassessmentsDue(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$ReassessmentDue'",
                Integer.class);
    }
}
