package dk.grantlifecycle.api;

import dk.grantlifecycle.api.web.command.IdempotencyKeys;
import dk.grantlifecycle.projections.CaseProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands answer the truth about what was stored, and an Idempotency-Key makes repeating them
 * safe: within one run, across a restart of the whole service (same data directory), and when the
 * repeats arrive at the same moment. The service runs here on a data directory of its own, so it
 * can be restarted and its tables inspected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdempotencyIT {

    private static final String RECEIVE = """
            {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}]}""";

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext service;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        service = startService();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static ConfigurableApplicationContext startService() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0",
                "--grants.simulation.enabled=true", "--grants.embedded-postgres.data-directory=" + data.resolve("postgres"),
                "--grants.read-your-writes.timeout=PT1S");
        api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "cw-idem");
        jdbc = context.getBean(JdbcTemplate.class);
        return context;
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static int received() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$ApplicationReceived'",
                Integer.class);
    }

    private static int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    @Test
    @Order(1)
    @DisplayName("a 2xx names the stored position and says the read models have it")
    void answersNameTheStoredPosition() {
        Api.Response created = api.post("/applications", RECEIVE);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long last = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                created.text("id"));
        assertThat(Long.parseLong(created.header("X-Event-Position"))).isEqualTo(last);
        assertThat(created.header("X-Read-Models")).isEqualTo("current");
        assertThat(api.get("/cases/" + created.text("id")).status()).as("read your writes").isEqualTo(200);
    }

    @Test
    @Order(2)
    @DisplayName("the same command twice with one key: one set of events, the first answer twice")
    void repeatGetsTheFirstOutcome() {
        String k = UUID.randomUUID().toString();
        int before = events();
        Api.Response first = api.post("/applications", RECEIVE, key(k));
        Api.Response second = api.post("/applications", RECEIVE, key(k));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("X-Event-Position")).isEqualTo(first.header("X-Event-Position"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(events() - before).as("events of one application").isEqualTo(eventsOf(first.text("id")));

        Workflow w = Workflow.of(api, first.text("id"));
        String caseworker = "{\"team\": \"team-syd\", \"caseworker\": \"cw-bo\"}";
        String k2 = UUID.randomUUID().toString();
        Api.Response assigned = api.post("/applications/" + w.applicationId + "/caseworker", caseworker, key(k2));
        int afterFirst = events();
        Api.Response again = api.post("/applications/" + w.applicationId + "/caseworker", caseworker, key(k2));
        assertThat(assigned.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(events()).isEqualTo(afterFirst);
    }

    @Test
    @Order(3)
    @DisplayName("the same key with another body is refused naming the header, and stores nothing")
    void sameKeyOtherRequestIsRefused() {
        String k = UUID.randomUUID().toString();
        assertThat(api.post("/applications", RECEIVE, key(k)).status()).isEqualTo(201);
        int before = events();
        Api.Response other = api.post("/applications", RECEIVE.replace("lejre", "gladsaxe"), key(k));
        assertThat(other.status()).as(other.body().toString()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.text("field")).isEqualTo("Idempotency-Key");
        Api.Response otherPath = api.post("/outreach", "{\"municipality\": \"lejre\"}", key(k));
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
        assertThat(api.post("/applications", RECEIVE, key("not a valid key")).text("field")).isEqualTo("Idempotency-Key");
        assertThat(new Api(port(), "cw-other").post("/applications", RECEIVE, key(k)).status())
                .as("keys belong to their actor").isEqualTo(201);
    }

    @Test
    @Order(4)
    @DisplayName("a refused command stores no key: the corrected request with the same key runs")
    void refusalsStoreNoKey() {
        String k = UUID.randomUUID().toString();
        // A caseworker of a municipality without rules: the application is refused (RULESET).
        Api roskilde = new Api(port(), "cw-idem", "roskilde", List.of("caseworker"));
        Api.Response refused = roskilde.post("/applications", RECEIVE.replace("lejre", "roskilde"), key(k));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Integer.class, k)).isZero();
        assertThat(roskilde.post("/applications", RECEIVE.replace("lejre", "roskilde"), key(k)).status()).as("evaluated again")
                .isEqualTo(422);
    }

    @Test
    @Order(5)
    @DisplayName("eight copies of one command at the same moment: it runs once")
    void concurrentDuplicatesRunOnce() {
        String k = UUID.randomUUID().toString();
        int before = received();
        List<Api.Response> answers = Scenarios.concurrently(IntStream.range(0, 8)
                .<Supplier<Api.Response>>mapToObj(i -> () -> api.post("/applications", RECEIVE, key(k))).toList());
        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 201).map(a -> a.text("id")).distinct()).hasSize(1);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> {
            assertThat(a.text("field")).isEqualTo("Idempotency-Key");
            assertThat(a.body().path("retryable").asBoolean()).isTrue();
            assertThat(a.header("Retry-After")).isNotNull();
        });
        assertThat(received() - before).isEqualTo(1);
        assertThat(api.post("/applications", RECEIVE, key(k)).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    @Order(6)
    @DisplayName("read models that do not catch up in time: still 2xx, saying they are behind")
    void behindReadModelsDoNotFailTheAnswer() {
        StreamingEventProcessor cases = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        cases.shutDown();
        try {
            Api.Response created = api.post("/applications", RECEIVE);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("X-Read-Models")).isEqualTo("behind");
            assertThat(created.header("X-Event-Position")).isNotNull();
            assertThat(eventsOf(created.text("id"))).isPositive();
        } finally {
            cases.start();
        }
    }

    @Test
    @Order(7)
    @DisplayName("the connection lost while committing: 503 outcome unknown, and the repeat with the key tells the outcome")
    void lostAtCommitIsOutcomeUnknown() {
        String k = "lose-connection-at-commit-" + UUID.randomUUID();
        // At commit, PostgreSQL ends this session from inside the transaction (once): the client sees its
        // connection die while committing, the situation in which the service cannot know the outcome.
        jdbc.execute("CREATE SEQUENCE IF NOT EXISTS lose_once");
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION lose_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('lose_once') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE CONSTRAINT TRIGGER lose_connection AFTER INSERT ON idempotency_key DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW WHEN (NEW.idem_key LIKE 'lose-connection-at-commit-%') EXECUTE FUNCTION lose_connection()");
        try {
            int before = received();
            Api.Response lost = api.post("/applications", RECEIVE, key(k));
            assertThat(lost.status()).as(lost.body().toString()).isEqualTo(503);
            assertThat(lost.isProblem()).isTrue();
            assertThat(lost.text("type")).endsWith("/outcome-unknown");
            assertThat(lost.text("detail")).doesNotContain("nothing was recorded").contains("Idempotency-Key");
            assertThat(lost.header("Retry-After")).isNotNull();

            Api.Response repeated = api.post("/applications", RECEIVE, key(k));
            assertThat(repeated.status()).isEqualTo(201);
            assertThat(received() - before).as("one application, whatever the first attempt did").isEqualTo(1);
        } finally {
            jdbc.execute("DROP TRIGGER lose_connection ON idempotency_key");
        }
    }

    @Test
    @Order(8)
    @DisplayName("across a restart of the service: the key still answers with the first outcome and stores nothing")
    void keysSurviveARestart() {
        String k = UUID.randomUUID().toString();
        Api.Response first = api.post("/applications", RECEIVE, key(k));
        assertThat(first.status()).isEqualTo(201);
        service.close();
        service = startService();
        int before = events();
        Api.Response repeated = api.post("/applications", RECEIVE, key(k));
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body()).isEqualTo(first.body());
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(9)
    @DisplayName("keys are kept for the retention period (7 days by default) and then purged: a repeat is a new command")
    void keysArePurgedAfterTheRetention() {
        String k = UUID.randomUUID().toString();
        Api.Response first = api.post("/applications", RECEIVE, key(k));
        IdempotencyKeys keys = service.getBean(IdempotencyKeys.class);
        assertThat(api.post("/simulation/clock/advance", "{\"by\": \"P6D\"}").status()).isEqualTo(200);
        keys.purge();
        assertThat(api.post("/applications", RECEIVE, key(k)).header("Idempotent-Replayed")).as("kept for 6 days").isEqualTo("true");
        assertThat(api.post("/simulation/clock/advance", "{\"by\": \"P2D\"}").status()).isEqualTo(200);
        keys.purge();
        Api.Response later = api.post("/applications", RECEIVE, key(k));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.text("id")).isNotEqualTo(first.text("id"));
    }

    private static int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, aggregateId);
    }

    private static int port() {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }
}
