package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.api.kafka.KafkaSettings;
import dk.grantlifecycle.api.kafka.ReceiptsConsumer;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static dk.grantlifecycle.api.Scenarios.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka end to end on a real embedded KRaft broker (the service's local mode, started and stopped
 * by the Spring context): delivery receipts in, every stored event out as a CloudEvent under its
 * case key in store order, no personal data on the wire, and a broker outage of more than 30
 * seconds under a steady stream of commands. One context serves all of it; the tests run in order
 * because the outage comes last and the simulated clock only moves forward (it starts on Monday
 * 23 February 2026).
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-02-23T08:00:00Z",
                "grants.embedded-postgres.data-directory=", "grants.kafka.enabled=true", "grants.kafka.topics.partitions=3",
                "grants.kafka.retry.max=PT2S"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIT extends QuerySideBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KAFKA_PORT = freePort();
    /** A CPR number: ten digits, with or without the dash, not part of a longer token (an id, a UUID). */
    private static final Pattern CPR = Pattern.compile("(?<![0-9A-Za-z-])\\d{6}-?\\d{4}(?![0-9A-Za-z-])");
    private static final String NAME = "Karen Kafkasen";
    private static final String CPR_NUMBER = "070761-4285";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("grants.kafka.embedded.port", () -> KAFKA_PORT);
    }

    @Autowired
    EmbeddedKafkaKraftBroker broker;

    @Autowired
    KafkaSettings settings;

    @Autowired
    MeterRegistry metrics;

    private static final String REJECTION = """
            {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1 FRITEKST-REJECTION", "ruleIds": ["SEL85-TARGET"]}],
             "content": %s, "delivery": {"channel": "%s"}}""";

    @Test
    @Order(1)
    @DisplayName("RECEIPT, COMPLAINT-WINDOW, DEADLINE-COUNT: a paper refusal of Monday 23 February 2026 (window to 30 March) gets a receipt "
            + "of Thursday 5 March on Kafka: the window moves past Skærtorsdag, Langfredag and 2. påskedag to Tuesday 7 April; a duplicate "
            + "changes nothing; a malformed message and an unknown decision go to the dead-letter topic, and the next valid one is recorded")
    void receiptsFromKafka() throws Exception {
        Api api = api("cw-anna");
        String id = receive(api, "lejre", "team-nord", false);
        Workflow w = Workflow.of(api, id).assess(1);
        Api.Response decided = api.post("/applications/" + id + "/decision", REJECTION.formatted(CONTENT, "PAPER"));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String decision = decided.text("decisionId");
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        JsonNode presumed = w.awaitCase(c -> !deadline(c.path("deadlines"), "COMPLAINT-WINDOW").isMissingNode());
        assertThat(deadline(presumed.path("deadlines"), "COMPLAINT-WINDOW").path("dueOn").asText()).isEqualTo("2026-03-30");

        advanceTo(api, "2026-03-05");
        String receipt = """
                {"messageId": "%s", "grantId": "%s", "decisionId": "%s", "channel": "PAPER", "receivedOn": "%s"}""";
        send(settings.topics().receipts(), grant, receipt.formatted("dp-1", grant, decision, "2026-03-05"));
        JsonNode moved = w.awaitCase(c -> deadline(c.path("deadlines"), "COMPLAINT-WINDOW").path("dueOn").asText().equals("2026-04-07"));
        assertThat(deadline(moved.path("deadlines"), "COMPLAINT-WINDOW").path("status").asText()).isEqualTo("UPCOMING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Integer.class, grant, "%DecisionReceiptRecorded")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                byte[].class, grant, "%DecisionReceiptRecorded")).asString(StandardCharsets.UTF_8).contains(ReceiptsConsumer.ACTOR);

        int grantEvents = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, grant);
        double duplicatesBefore = counter("grants.kafka.receipts.consumed", "outcome", "duplicate");
        send(settings.topics().receipts(), grant, receipt.formatted("dp-1", grant, decision, "2026-03-05"));
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("grants.kafka.receipts.consumed", "outcome", "duplicate") > duplicatesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, grant))
                .as("a duplicate stores nothing").isEqualTo(grantEvents);

        // A second refusal, decided today: a malformed message and one for an unknown decision come first on its partition.
        String second = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, second).assess(1);
        Api.Response decided2 = api.post("/applications/" + second + "/decision", REJECTION.formatted(CONTENT, "PAPER"));
        assertThat(decided2.status()).as(decided2.body().toString()).isEqualTo(201);
        String decision2 = decided2.text("decisionId");
        String grant2 = decided2.body().path("grants").get(0).path("grantId").asText();
        send(settings.topics().receipts(), grant2, "{\"messageId\": \"dp-2\", \"grantId\": ");
        send(settings.topics().receipts(), grant2, receipt.formatted("dp-3", grant2, "00000000-0000-0000-0000-000000000000", "2026-03-05"));
        send(settings.topics().receipts(), grant2, receipt.formatted("dp-4", grant2, decision2, "2026-03-05"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM kafka_receipt_message WHERE message_id = 'dp-4'", Integer.class) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Integer.class, grant2, "%DecisionReceiptRecorded")).isEqualTo(1);

        List<ConsumerRecord<byte[], byte[]>> dead = KafkaTopic.raw(broker.getBrokersAsString(), settings.topics().receiptsDeadLetter(),
                r -> r.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), ReceiptsConsumer.REASON_HEADER)).startsWith("malformed:");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"messageId\": \"dp-2\", \"grantId\": ");
        assertThat(header(dead.get(1), ReceiptsConsumer.REASON_HEADER)).startsWith("refused:").contains("no decision");
        assertThat(header(dead.get(1), "dlt-original-topic")).isEqualTo(settings.topics().receipts());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM kafka_receipt_message WHERE message_id IN ('dp-2', 'dp-3')", Integer.class))
                .as("refused messages leave no trace in the store").isZero();
        assertThat(counter("grants.kafka.receipts.dead-lettered", "reason", "malformed")).isEqualTo(1);
        assertThat(counter("grants.kafka.receipts.dead-lettered", "reason", "refused")).isEqualTo(1);
    }

    @Test
    @Order(2)
    @DisplayName("PII-NOT-IN-CLEAR: a full case run is on Kafka event by event under its case key in store order, every message a "
            + "CloudEvent the SDK decodes, and no key, value or header holds a CPR number, the submitted name or free text")
    void fullCaseRunOnKafka() throws Exception {
        Api api = api("cw-anna");
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "%s", "name": "%s"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "description": "FRITEKST-SERVICE hjælp til Karen", "themes": ["PRACTICAL_TASKS"]}],
                 "source": {"channel": "PARTNER", "partner": "FRITEKST-PARTNER"}, "team": "team-nord"}""".formatted(CPR_NUMBER, NAME));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        Workflow granted = Workflow.of(api, received.text("id")).assess(3).grant();
        String g = "/grants/" + granted.grantId;
        assertThat(api.postAs(g + "/action-plan/offer", "{}", "kirsten.kafkasen", "FRITEKST-REASON offered by phone").status()).isEqualTo(204);
        assertThat(api.post(g + "/action-plan/answer", "{\"accepted\": true}").status()).isEqualTo(204);
        assertThat(api.post(g + "/start", "{}").status()).isEqualTo(204);

        Workflow refused = new Workflow(api).receive("lejre", "010190-1234").assess(1);
        Api.Response decided = api.post("/applications/" + refused.applicationId + "/decision", REJECTION.formatted(CONTENT, "DIGITAL_POST"));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        Api.Response complaint = api.post("/grants/" + grant + "/complaints", "{\"decisionId\": \"%s\", \"form\": \"ORAL\", \"summary\": \"FRITEKST-COMPLAINT I need help cooking\"}"
                .formatted(decided.text("decisionId")));
        assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
        Api.Response upheld = api.post("/grants/" + grant + "/complaints/" + complaint.text("id") + "/reconsideration", """
                {"outcome": "UPHELD", "reasons": "FRITEKST-RECONSIDERED the assessment stands", "caseMaterial": ["FRITEKST-MATERIAL letter"]}""");
        assertThat(upheld.status()).as(upheld.body().toString()).isEqualTo(200);

        Map<String, Stored> stored = stored();
        List<ConsumerRecord<String, CloudEvent>> records = onTopicUntilAll(stored.keySet());
        assertThat(records.stream().map(r -> r.value().getId()).collect(Collectors.toSet())).containsAll(stored.keySet());
        checkKeysTypesAndOrder(stored, records);
        JsonNode catalogue = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(api.getText("/asyncapi.yaml"));
        for (ConsumerRecord<String, CloudEvent> r : records) {
            String key = r.value().getType().substring("dk.grants.".length());
            JsonNode schema = catalogue.path("components").path("schemas").path(key).path("allOf").get(1).path("properties");
            assertThat(schema.path("type").path("const").asText()).as("catalogued: " + key).isEqualTo(r.value().getType());
            JsonNode properties = schema.path("data").path("properties");
            JSON.readTree(r.value().getData().toBytes()).fieldNames()
                    .forEachRemaining(f -> assertThat(properties.has(f)).as(key + "." + f + " in the catalogue").isTrue());
        }

        // read through the local mode's fixed port, as the README's consumer line does
        List<ConsumerRecord<byte[], byte[]>> raw = KafkaTopic.raw("localhost:" + KAFKA_PORT, settings.topics().events(),
                r -> r.size() >= records.size(), Duration.ofSeconds(30));
        List<String> leaks = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            List<String> texts = new ArrayList<>(List.of(new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8)));
            for (Header h : r.headers()) {
                texts.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
            }
            for (String text : texts) {
                if (CPR.matcher(text).find() || text.contains("0707614285") || text.contains("Kafkasen") || text.contains("Test Borger")
                        || text.contains("FRITEKST") || text.contains("Træning i madlavning") || text.contains("laver varm mad")
                        || text.contains("værested") || text.contains("statement from GP") || text.contains("trainable need")
                        || text.contains("the considerations") || text.contains("psykiatrien")) {
                    leaks.add(r.topic() + "@" + r.offset() + ": " + text);
                }
            }
        }
        assertThat(raw).hasSizeGreaterThanOrEqualTo(stored.size());
        assertThat(leaks).as("personal data or free text on Kafka").isEmpty();
        System.out.printf("Kafka full case run: %d stored events, %d records on %s, %d event types, no CPR, name or free text%n",
                stored.size(), raw.size(), settings.topics().events(),
                records.stream().map(r -> r.value().getType()).distinct().count());
    }

    @Test
    @Order(3)
    @DisplayName("Kafka outage: the broker is down for 35 s while commands keep coming; every command is answered 201, and afterwards "
            + "every stored event is on the topic in store order per case, duplicates only as redeliveries of the same id")
    void brokerOutage() throws Exception {
        Api api = api("cw-outage");
        double retriesBefore = counter("grants.kafka.publish.retries");
        int before = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
        broker.getCluster().brokers().values().forEach(b -> b.shutdown());
        Instant down = Instant.now();
        List<Integer> statuses = new ArrayList<>();
        double lagDuringOutage = 0;
        while (Duration.between(down, Instant.now()).toSeconds() < 35) {
            Api.Response r = api.post("/applications", """
                    {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                     "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "team-syd"}""");
            statuses.add(r.status());
            lagDuringOutage = Math.max(lagDuringOutage, gauge("grants.kafka.publish.lag"));
            Thread.sleep(250);
        }
        Duration outage = Duration.between(down, Instant.now());
        broker.getCluster().brokers().values().forEach(b -> b.startup());
        int stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);

        Map<String, Stored> all = stored();
        List<ConsumerRecord<String, CloudEvent>> records = onTopicUntilAll(all.keySet());
        assertThat(records.stream().map(r -> r.value().getId()).collect(Collectors.toSet())).containsAll(all.keySet());
        checkKeysTypesAndOrder(all, records);
        long duplicates = records.size() - records.stream().map(r -> r.value().getId()).distinct().count();
        assertThat(statuses).as("commands are never refused because of the broker").isNotEmpty().allMatch(s -> s == 201);
        assertThat(lagDuringOutage).as("the publisher fell behind while the broker was away").isPositive();
        assertThat(counter("grants.kafka.publish.retries")).isGreaterThan(retriesBefore);
        await().atMost(Duration.ofSeconds(20)).until(() -> gauge("grants.kafka.publish.lag") == 0);
        System.out.printf("Kafka outage: broker down %d s, %d commands all answered 201, %d events stored during it (%d in all), "
                        + "%d records on the topic, %d duplicate(s) (redeliveries of the same id), retries %.0f, lag at most %.0f events%n",
                outage.toSeconds(), statuses.size(), stored - before, all.size(), records.size(), duplicates,
                counter("grants.kafka.publish.retries") - retriesBefore, lagDuringOutage);
    }

    /** A stored event: its id, global index, type, revision, time and the case it belongs to. */
    record Stored(String id, long index, String type, String revision, String time, String caseId) {
    }

    private Map<String, Stored> stored() {
        Map<String, Stored> stored = new LinkedHashMap<>();
        jdbc.query("SELECT eventidentifier, globalindex, payloadtype, payloadrevision, timestamp, payload FROM domainevententry ORDER BY globalindex",
                rs -> {
                    JsonNode payload;
                    try {
                        payload = JSON.readTree(rs.getBytes(6));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    String caseId = payload.hasNonNull("caseId") ? payload.path("caseId").asText() : payload.path("applicationId").asText();
                    stored.put(rs.getString(1), new Stored(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), caseId));
                });
        return stored;
    }

    private List<ConsumerRecord<String, CloudEvent>> onTopicUntilAll(Set<String> ids) {
        Predicate<List<ConsumerRecord<String, CloudEvent>>> all = records -> records.stream().map(r -> r.value().getId())
                .collect(Collectors.toSet()).containsAll(ids);
        return KafkaTopic.cloudEvents(broker.getBrokersAsString(), settings.topics().events(), all, Duration.ofSeconds(120));
    }

    /** Key, subject, type, time and data of each record; per case, first occurrences in the order of the store. */
    private void checkKeysTypesAndOrder(Map<String, Stored> stored, List<ConsumerRecord<String, CloudEvent>> records) throws IOException {
        Map<String, List<String>> firstSeenPerCase = new HashMap<>();
        Map<String, Integer> partitionOfCase = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<ConsumerRecord<String, CloudEvent>> byOffset = new ArrayList<>(records);
        byOffset.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        for (ConsumerRecord<String, CloudEvent> r : byOffset) {
            CloudEvent e = r.value();
            Stored s = stored.get(e.getId());
            if (s == null) {
                continue; // stored after the snapshot of the store was taken
            }
            assertThat(r.key()).as("key of " + s).isEqualTo(s.caseId());
            assertThat(e.getSubject()).isEqualTo(s.caseId());
            assertThat(e.getType()).isEqualTo("dk.grants." + s.type().replaceAll("^.*[.$]", "") + ".v" + s.revision());
            assertThat(e.getTime().toInstant()).isEqualTo(Instant.parse(s.time()));
            assertThat(e.getDataContentType()).isEqualTo("application/json");
            assertThat(e.getDataSchema()).isNotNull();
            assertThat(JSON.readTree(e.getData().toBytes()).isObject()).isTrue();
            assertThat(partitionOfCase.computeIfAbsent(s.caseId(), k -> r.partition())).as("one partition per case").isEqualTo(r.partition());
            if (seen.add(e.getId())) {
                firstSeenPerCase.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(e.getId());
            }
        }
        Map<String, List<String>> storeOrder = new HashMap<>();
        stored.values().forEach(s -> storeOrder.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s.id()));
        firstSeenPerCase.forEach((caseId, ids) -> assertThat(ids).as("order of case " + caseId).isEqualTo(storeOrder.get(caseId)));
    }

    private void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private double counter(String name, String... tags) {
        var search = metrics.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        var c = search.counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name) {
        var g = metrics.find(name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
