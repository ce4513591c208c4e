package dk.grantlifecycle.api;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dk.grantlifecycle.api.cluster.ProcessorPositions;
import io.cloudevents.CloudEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one PostgreSQL, started at the same moment on an empty database
 * (Flyway's lock lets one migrate while the other waits): command handling keeps no node-local
 * state, the event processors' segments are shared between the nodes, deadlines fire once across
 * the nodes, concurrent commands on one case from both nodes never lose an update (one wins, the
 * other gets a 409 it may retry), and a node that stops hands its segments to the other without
 * an event skipped. One pair of nodes serves the tests in order; the last one stops a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String START = "2026-01-05T08:00:00Z";
    private static final List<String> PROCESSORS = List.of("case-process", "cases", "deadlines", "audit", "dst");

    private static final String TOPIC = "grants.lifecycle.v1";

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static Api apiA;
    private static Api apiB;
    private static JdbcTemplate jdbc;
    private static String grant;
    private static String grantCase;

    @BeforeAll
    static void startTwoNodes() throws IOException, java.security.GeneralSecurityException {
        postgres = EmbeddedPostgres.builder().start();
        // One Kafka cluster for both nodes, as production has: the publisher's one segment runs on one node at a time.
        kafka = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, "grants.delivery-receipts.v1", "grants.delivery-receipts.v1.dlt");
        kafka.kafkaPorts(0);
        kafka.afterPropertiesSet();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // PII-NOT-IN-CLEAR: the nodes share the master key that wraps the citizens' data keys, as production's do.
        AeadConfig.register();
        String masterKey = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> node(url, "node-a", masterKey));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> node(url, "node-b", masterKey));
        a = first.join();
        b = second.join();
        apiA = new Api(port(a), "cw-node-a");
        apiB = new Api(port(b), "cw-node-b");
        jdbc = new JdbcTemplate(a.getBean(DataSource.class));
    }

    private static ConfigurableApplicationContext node(String url, String name, String masterKey) {
        return new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0", "--grants.simulation.enabled=true",
                "--grants.personal-data.master-key=" + masterKey,
                "--grants.kafka.enabled=true", "--grants.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--axon.eventhandling.processors.kafka-publisher.token-claim-interval=1000",
                "--grants.simulation.start=" + START, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--grants.cluster.node-id=" + name, "--grants.cluster.balance-interval=PT1S",
                "--axon.eventhandling.processors.cases.token-claim-interval=1000",
                "--axon.eventhandling.processors.deadlines.token-claim-interval=1000",
                "--axon.eventhandling.processors.audit.token-claim-interval=1000",
                "--axon.eventhandling.processors.dst.token-claim-interval=1000",
                "--axon.eventhandling.processors.case-process.token-claim-interval=1000");
    }

    @AfterAll
    static void stop() throws IOException {
        if (b != null && b.isActive()) {
            b.close();
        }
        if (a != null && a.isActive()) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    @Order(3)
    @DisplayName("CASE-DEADLINE: with two nodes polling the same scheduler table, each deadline fires exactly once")
    void deadlinesFireOnceAcrossNodes() {
        int before = reached();
        int tasks = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class);
        int cases = 12;
        for (int i = 0; i < cases; i++) {
            new Workflow(i % 2 == 0 ? apiA : apiB).receive("lejre", "010190-1234");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isEqualTo(tasks + cases);

        apiA.post("/simulation/clock/advance", "{\"by\": \"P6W\"}");
        apiB.post("/simulation/clock/advance", "{\"by\": \"P6W\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> reached() == before + cases);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reached() == before + cases);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE picked", Integer.class)).isZero();
    }

    @Test
    @Order(2)
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

    @Test
    @Order(1)
    @DisplayName("two nodes split the segments, and 200 interleaved commands on one grant from both leave a contiguous history")
    void nodesShareSegmentsAndKeepOneGrantConsistent() {
        // Segments are split: each node runs some of every processor's segments, together all of them.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> onA = a.getBean(ProcessorPositions.class).localSegments();
            Map<String, Integer> onB = b.getBean(ProcessorPositions.class).localSegments();
            for (String p : PROCESSORS) {
                assertThat(onA.get(p)).as("segments of %s on node a", p).isPositive();
                assertThat(onB.get(p)).as("segments of %s on node b", p).isPositive();
                assertThat(onA.get(p) + onB.get(p)).as("segments of %s on both nodes", p).isEqualTo(4);
            }
        });
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT owner) FROM tokenentry WHERE owner IS NOT NULL", Integer.class))
                .isEqualTo(2);

        // One § 97 grant; 200 hour draws on it, alternating between the nodes, four at a time.
        Api.Response received = apiA.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL97",
                 "services": [{"code": "LEDSAGER", "description": "Ledsagelse", "themes": ["MOBILITY"]}]}""");
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        grantCase = received.text("id");
        Api.Response decided = apiB.post("/applications/" + grantCase + "/decision", """
                {"facts": ["CANNOT_MOVE_ABOUT_ALONE"],
                 "outcomes": [{"serviceCode": "LEDSAGER", "outcome": "GRANTED", "terms": {"goals": ["goes to the library"]}}],
                 "content": {"legalRules": "Serviceloven § 97", "discretion": "cannot go out alone, 15 hours a month by law",
                             "facts": "walks only with support", "complaintGuidance": {"where": "Lejre Kommune", "how": "in writing"}}}""");
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        grant = decided.body().path("grants").get(0).path("grantId").asText();
        // The case process opens the grant; under load the answer may come back "behind" before it has.
        await().atMost(Duration.ofSeconds(30)).until(() -> apiA.get("/grants/" + grant).status() == 200);
        assertThat(apiA.post("/grants/" + grant + "/start", "{\"startedOn\": \"2026-01-05\"}").status()).isEqualTo(204);
        long before = events(grant);

        int commands = 200;
        long started = System.nanoTime();
        AtomicInteger conflicts = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> readModels = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int c = client;
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = c; i < commands; i += 4) {
                    Api api = i % 2 == 0 ? apiA : apiB;
                    // The documented client policy: a 409 marked retryable is tried again.
                    for (int attempt = 0; ; attempt++) {
                        Api.Response r = api.post("/grants/" + grant + "/hours", "{\"month\": \"2026-01\", \"hours\": 0.05}");
                        if (r.status() == 409 && r.body().path("retryable").asBoolean() && attempt < 50) {
                            conflicts.incrementAndGet();
                            continue;
                        }
                        statuses.merge(r.status(), 1, Integer::sum);
                        readModels.merge(String.valueOf(r.header("X-Read-Models")), 1, Integer::sum);
                        break;
                    }
                }
            }));
        }
        clients.forEach(CompletableFuture::join);
        System.out.printf("200 interleaved commands on one grant from two nodes: statuses %s, %d retried conflicts, %d ms, "
                + "X-Read-Models %s%n", statuses, conflicts.get(), Duration.ofNanos(System.nanoTime() - started).toMillis(), readModels);
        assertThat(statuses).containsExactly(Map.entry(204, commands));

        // A contiguous, valid history: sequence numbers 0..n-1 without a gap or a double, 200 more events,
        // and the aggregate still loads (the read below goes through the read model; the command through the store).
        long after = events(grant);
        assertThat(after - before).isEqualTo(commands);
        assertThat(jdbc.queryForObject("SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?", Long.class, grant))
                .isEqualTo(after);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, grant)).isEqualTo(after);
        assertThat(apiB.post("/grants/" + grant + "/hours", "{\"month\": \"2026-01\", \"hours\": 0.05}").status()).isEqualTo(204);

        // A replay needs every segment of the projection on one instance: refused while they are shared, and the
        // projection keeps running where it ran.
        Api.Response replay = apiA.post("/admin/replays/audit", "{}");
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                a.getBean(ProcessorPositions.class).localSegments().get("audit") + b.getBean(ProcessorPositions.class).localSegments().get("audit"))
                .isEqualTo(4));

    }

    @Test
    @Order(4)
    @DisplayName("a stopped node's segments pass to the other, which processes and publishes every event: none skipped, none published twice beyond redelivery")
    void stoppedNodeHandsOverItsSegments() {
        b.close();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> onA = a.getBean(ProcessorPositions.class).localSegments();
            PROCESSORS.forEach(p -> assertThat(onA.get(p)).as("segments of %s on node a", p).isEqualTo(4));
        });
        for (int i = 0; i < 5; i++) {
            new Workflow(apiA).receive("lejre", "010190-1234");
        }
        ProcessorPositions positions = a.getBean(ProcessorPositions.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long head = positions.head();
            positions.lowest().forEach((p, lowest) -> assertThat(lowest).as("position of %s", p).isEqualTo(head));
        });
        // Every stored event is in the audit trail, exactly once (its rows are keyed by event id).
        assertThat(jdbc.queryForList("SELECT eventidentifier FROM domainevententry EXCEPT SELECT event_id FROM audit_entry", String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE aggregate_id = ?", Long.class, grant)).isEqualTo(events(grant));
        assertThat(apiA.get("/grants/" + grant).status()).isEqualTo(200);
        // Every stored event is on Kafka under its case key, whichever node published it; an id twice only as a redelivery.
        List<String> stored = jdbc.queryForList("SELECT eventidentifier FROM domainevententry", String.class);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTopic.cloudEvents(kafka.getBrokersAsString(), TOPIC,
                r -> r.stream().map(x -> x.value().getId()).collect(Collectors.toSet()).containsAll(stored), Duration.ofSeconds(90));
        List<String> ids = published.stream().map(r -> r.value().getId()).toList();
        long redelivered = ids.size() - new java.util.HashSet<>(ids).size();
        System.out.printf("[two-nodes] %d events stored, %d records on %s, %d redelivered%n", stored.size(), ids.size(), TOPIC, redelivered);
        assertThat(new java.util.HashSet<>(ids)).as("every stored event, nothing else").isEqualTo(new java.util.HashSet<>(stored));
    }

    private long events(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregate);
    }

    private int reached() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$CaseProcessingDeadlineReached'",
                Integer.class);
    }
}
