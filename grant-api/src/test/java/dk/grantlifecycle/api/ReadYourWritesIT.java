package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.grantlifecycle.projections.CaseProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read your writes without waiting on the command (issue 12): a command sent with
 * {@code X-Await-Read-Models: false} answers right after its commit with {@code X-Event-Position}; a read
 * that carries that position as {@code X-Min-Event-Position} shows the write, including what the case
 * process did in turn, and says {@code X-Read-Models: current}. A read without it never waits.
 */
class ReadYourWritesIT {

    private static final Map<String, String> NO_WAIT = Map.of("X-Await-Read-Models", "false");

    private static ConfigurableApplicationContext service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0",
                "--grants.embedded-postgres.data-directory=", "--grants.read-your-writes.timeout=PT10S");
        api = new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), "cw-ryw");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static Map<String, String> after(Api.Response command) {
        assertThat(command.header("X-Event-Position")).as("the answer names the stored position").isNotNull();
        return Map.of("X-Min-Event-Position", command.header("X-Event-Position"));
    }

    private static JsonNode readAfter(String path, Api.Response command) {
        Api.Response read = api.get(path, after(command));
        assertThat(read.status()).as(path + " " + read.body()).isEqualTo(200);
        assertThat(read.header("X-Read-Models")).isEqualTo("current");
        return read.body();
    }

    @Test
    @DisplayName("a client that asks reads each of its writes at once, the case process's consequences included, ten cases in a row")
    void readsItsOwnWrites() {
        for (int i = 0; i < 10; i++) {
            Api.Response received = api.post("/applications", """
                    {"citizen": {"cpr": "0101%02d-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                     "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
                     "team": "team-nord"}""".formatted(60 + i), NO_WAIT);
            assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
            assertThat(received.header("X-Read-Models")).as("the answer did not wait").isNull();
            String id = received.text("id");
            assertThat(readAfter("/cases/" + id, received).path("applicationId").asText()).isEqualTo(id);

            Api.Response assigned = api.post("/applications/" + id + "/caseworker", "{\"team\": \"team-syd\", \"caseworker\": \"cw-" + i + "\"}",
                    NO_WAIT);
            assertThat(assigned.status()).isEqualTo(204);
            assertThat(readAfter("/cases/" + id, assigned).path("caseworker").asText()).isEqualTo("cw-" + i);

            Api.Response started = api.post("/applications/" + id + "/assessments", "{}", NO_WAIT);
            assertThat(started.status()).isEqualTo(201);
            Api.Response completed = api.post("/assessments/" + started.text("id") + "/completion", """
                    {"scores": {"PRACTICAL_TASKS": 2, "HEALTH": "NOT_ASSESSED"},
                     "evidence": [{"source": "DOCTOR", "description": "statement from GP", "consentGiven": true}],
                     "madeWithCitizen": true}""", NO_WAIT);
            assertThat(completed.status()).isEqualTo(204);
            assertThat(readAfter("/cases/" + id, completed).path("scores").has("PRACTICAL_TASKS")).isTrue();

            Api.Response decided = api.post("/applications/" + id + "/decision", """
                    {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                                   "terms": {"description": "Træning i madlavning", "hoursPerWeek": 2, "form": "GROUP",
                                             "goals": ["laver varm mad tre gange om ugen"],
                                             "lessIntrusiveConsidered": ["værested afprøvet i 3 måneder"]}}],
                     "content": {"legalRules": "Serviceloven § 85", "discretion": "moderate, trainable need",
                                 "facts": "VUM assessment", "complaintGuidance": {"where": "kommunen", "how": "skriftligt eller mundtligt"}}}""",
                    NO_WAIT);
            assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
            JsonNode decidedCase = readAfter("/cases/" + id, decided);
            assertThat(decidedCase.path("grants").size()).as("the grant the case process opened").isEqualTo(1);
            String grantId = decided.body().path("grants").get(0).path("grantId").asText();
            assertThat(readAfter("/grants/" + grantId, decided).path("grantId").asText()).isEqualTo(grantId);
            assertThat(readAfter("/deadlines?case=" + id, decided).path("items").size()).as("the queue has the case's deadlines")
                    .isPositive();
        }
    }

    @Test
    @DisplayName("a read model that does not catch up in time: the read answers after the bound, saying it is behind")
    void behindIsSaid() {
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "020190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        String id = received.text("id");
        StreamingEventProcessor cases = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        cases.shutDown();
        try {
            Api.Response assigned = api.post("/applications/" + id + "/caseworker", "{\"caseworker\": \"cw-late\"}", NO_WAIT);
            assertThat(assigned.status()).isEqualTo(204);
            Api.Response read = api.get("/cases/" + id, after(assigned));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("X-Read-Models")).isEqualTo("behind");
            assertThat(read.body().path("caseworker").asText()).isNotEqualTo("cw-late");
        } finally {
            cases.start();
        }
    }

    @Test
    @DisplayName("a command never depends on a read model: an assessment starts on an application the case view does not show yet")
    void commandsDoNotWaitForReadModels() {
        StreamingEventProcessor cases = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        cases.shutDown();
        try {
            Api.Response received = api.post("/applications", """
                    {"citizen": {"cpr": "030190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                     "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""", NO_WAIT);
            assertThat(received.status()).isEqualTo(201);
            Api.Response started = api.post("/applications/" + received.text("id") + "/assessments", "{}", NO_WAIT);
            assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
            assertThat(api.post("/applications/" + java.util.UUID.randomUUID() + "/assessments", "{}", NO_WAIT).status())
                    .as("an application that does not exist").isEqualTo(404);
        } finally {
            cases.start();
        }
    }

    @Test
    @DisplayName("X-Min-Event-Position that is not a position: 400 naming the header; one beyond the store: behind at once; none: no wait")
    void malformedPosition() {
        Api.Response bad = api.get("/deadlines", Map.of("X-Min-Event-Position", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.text("field")).isEqualTo("X-Min-Event-Position");
        long started = System.nanoTime();
        Api.Response beyond = api.get("/deadlines", Map.of("X-Min-Event-Position", String.valueOf(Long.MAX_VALUE)));
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.header("X-Read-Models")).as("no command answered with that position").isEqualTo("behind");
        assertThat(System.nanoTime() - started).as("answered without waiting for the bound").isLessThan(5_000_000_000L);
        Api.Response plain = api.get("/deadlines");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("X-Read-Models")).isNull();
    }

    @Test
    @DisplayName("the processors' event stream says when events arrive (no 500 ms poll): its callback runs when a command is stored")
    void streamsCallBackWhenEventsArrive() throws Exception {
        EventStore store = service.getBean(EventStore.class);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).as("callback supported").isTrue();
            // The embedded store's reader starts with the first stream that has caught up.
            stream.hasNextAvailable(10, TimeUnit.MILLISECONDS);
            Api.Response received = api.post("/applications", """
                    {"citizen": {"cpr": "030190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                     "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""", NO_WAIT);
            assertThat(received.status()).isEqualTo(201);
            assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
