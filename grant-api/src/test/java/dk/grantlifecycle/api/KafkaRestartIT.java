package dk.grantlifecycle.api;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed (kill -9) while it publishes under a stream of commands, then started again:
 * the publisher resumes from its token in PostgreSQL, and every stored event is on Kafka. The
 * service runs as an operator runs it ({@code java -jar}) against a real cluster, here a KRaft
 * broker this test starts (and stops after the service).
 */
class KafkaRestartIT {

    private static final String TOPIC = "grants.lifecycle.v1";
    private static final String RECEIVE = """
            {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""";

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, "grants.delivery-receipts.v1", "grants.delivery-receipts.v1.dlt");
        broker.kafkaPorts(0);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    @DisplayName("killed mid-publishing and restarted, the publisher resumes from its stored token and no event id is missing")
    void resumesFromItsTokenAfterAKill() throws Exception {
        Path data = work.resolve("postgres");
        int postgresPort = ServiceProcess.freePort();
        Map<String, String> env = Map.of("GRANTS_KAFKA_ENABLED", "true", "GRANTS_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "GRANTS_EMBEDDED_POSTGRES_PORT", String.valueOf(postgresPort));
        AtomicInteger answered = new AtomicInteger();
        Set<String> storedAtKill;
        Set<String> publishedAtKill;
        // The first instance's producer holds each send for 1.5 s (linger.ms), so under load the kill always finds
        // stored events that are not yet on the topic; left to its default (5 ms) the publisher may have caught up.
        ServiceProcess first = ServiceProcess.start(data, work.resolve("first.log"), env, "--grants.kafka.properties[linger.ms]=1500");
        try {
            first.awaitReady(Duration.ofSeconds(180));
            for (int i = 0; i < 5; i++) {
                // warm up: the first commands of a fresh JVM are slow
                assertThat(first.api("cw-restart").post("/applications", RECEIVE).status()).isEqualTo(201);
                answered.incrementAndGet();
            }
            Set<String> warmUp = storedIds(data, postgresPort);
            KafkaTopic.cloudEvents(broker.getBrokersAsString(), TOPIC,
                    r -> r.stream().map(x -> x.value().getId()).collect(Collectors.toSet()).containsAll(warmUp), Duration.ofSeconds(60));
            AtomicBoolean load = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 4; i++) {
                clients.submit(() -> {
                    Api api = first.api("cw-restart");
                    while (load.get()) {
                        try {
                            if (api.post("/applications", RECEIVE).status() == 201) {
                                answered.incrementAndGet();
                            }
                        } catch (RuntimeException connectionGone) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(5_000);
            first.killHard();
            load.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            storedAtKill = storedIds(data, postgresPort);
            publishedAtKill = KafkaTopic.cloudEvents(broker.getBrokersAsString(), TOPIC, r -> false, Duration.ofSeconds(5)).stream()
                    .map(r -> r.value().getId()).collect(Collectors.toSet());
        } catch (RuntimeException | AssertionError e) {
            first.close();
            throw e;
        }
        assertThat(storedAtKill).hasSizeGreaterThanOrEqualTo(answered.get());
        long unpublished = storedAtKill.stream().filter(id -> !publishedAtKill.contains(id)).count();

        try (ServiceProcess second = ServiceProcess.start(data, work.resolve("second.log"), env)) {
            second.awaitReady(Duration.ofSeconds(180));
            List<ConsumerRecord<String, CloudEvent>> records = KafkaTopic.cloudEvents(broker.getBrokersAsString(), TOPIC,
                    r -> r.stream().map(x -> x.value().getId()).collect(Collectors.toSet()).containsAll(storedAtKill), Duration.ofSeconds(120));
            Set<String> ids = records.stream().map(r -> r.value().getId()).collect(Collectors.toCollection(LinkedHashSet::new));
            long duplicates = records.size() - ids.size();
            System.out.printf("Kafka restart: killed with %d events stored (%d commands answered), %d of them on the topic, %d not yet; "
                            + "after the restart all %d are there, %d record(s) in all, %d duplicate(s) (redeliveries of the same id)%n",
                    storedAtKill.size(), answered.get(), storedAtKill.size() - unpublished, unpublished, storedAtKill.size(),
                    records.size(), duplicates);
            assertThat(ids).as("no stored event is missing").containsAll(storedAtKill);
            assertThat(unpublished).as("the kill came while events waited to be published").isPositive();
            assertThat(duplicates).as("resumed from the token, not from the first event")
                    .isLessThan(storedAtKill.size() - unpublished);
            List<String> errors = new ArrayList<>(second.errorLines());
            assertThat(errors).isEmpty();
        }
    }

    /** Read with the password the service generated and keeps in its data directory. */
    private static Set<String> storedIds(Path data, int port) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        String password = java.nio.file.Files.readString(data.resolve("grants-db-password")).trim();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
             ResultSet rs = c.createStatement().executeQuery("SELECT eventidentifier FROM domainevententry ORDER BY globalindex")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
