package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projections tolerate redelivery and rebuild identically, on a history with every kind of
 * movement: acute and ordinary applications, a rejection, a grant started, reduced with notice and
 * complained about, deadlines reached as the clock moves, a DST report produced. Each test needs
 * only that history, so they run in any order.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-01-04T08:00:00Z",
                "grants.embedded-postgres.data-directory=", "grants.replay.progress-interval=PT0.2S"})
@DirtiesContext
class ProjectionRebuildIT extends QuerySideBase {

    private static boolean historyWritten;

    @Autowired
    EventStore eventStore;

    @Autowired
    CaseProjection cases;

    @Autowired
    DeadlineProjection deadlines;

    @Autowired
    AuditTrailProjection audit;

    @Autowired
    DstMovementProjection dst;

    @BeforeEach
    void history() {
        if (historyWritten) {
            return;
        }
        Api api = api("cw-anna");
        receive(api, "lejre", "team-nord", true);
        receive(new Api(port, "cw-anna", "aabenraa", TestTokens.ALL_ROUND), "aabenraa", "team-syd", false);
        String rejected = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, rejected).assess(1);
        api.post("/applications/" + rejected + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1", "ruleIds": ["SEL85-TARGET"]}],
                 "content": %s}""".formatted(CONTENT));
        String granted = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, granted).assess(2);
        String grant = api.post("/applications/" + granted + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"hoursPerWeek": 3, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}"""
                .formatted(CONTENT)).body().path("grants").get(0).path("grantId").asText();
        api.post("/grants/" + grant + "/action-plan/offer", "{}");
        api.post("/grants/" + grant + "/start", "{}");
        String reduction = api.post("/grants/" + grant + "/scope-reduction", """
                {"terms": {"hoursPerWeek": 1, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}, "content": %s}"""
                .formatted(CONTENT)).text("decisionId");
        Api.Response complaint = api.post("/grants/" + grant + "/complaints",
                "{\"decisionId\": \"%s\", \"form\": \"ORAL\", \"summary\": \"too little\"}".formatted(reduction));
        assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
        advanceTo(api, "2027-03-01");
        // the deadlines due by then fire in the background: both tests compare against a settled history
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= TIMESTAMPTZ '2027-03-01 09:00:00+01'", Integer.class) == 0
                && jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)
                .equals(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)));
        assertThat(api.post("/reports/dst/lejre/2027-02", "").status()).isEqualTo(201);
        Map<String, List<Map<String, Object>>>[] last = new Map[]{snapshot()};
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, List<Map<String, Object>>> now = snapshot();
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
        historyWritten = true;
    }

    @Test
    @DisplayName("Redelivery: every projection handles each stored event twice and nothing changes")
    void redeliveryChangesNothing() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        List<AnnotationEventHandlerAdapter> handlers = List.of(new AnnotationEventHandlerAdapter(cases),
                new AnnotationEventHandlerAdapter(deadlines), new AnnotationEventHandlerAdapter(audit), new AnnotationEventHandlerAdapter(dst));
        int redelivered = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                for (AnnotationEventHandlerAdapter h : handlers) {
                    if (h.canHandle(event)) {
                        h.handle(event);
                    }
                }
                redelivered++;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(redelivered).isGreaterThan(30);
        assertThat(snapshot()).isEqualTo(before);
    }
    @Test
    @DisplayName("Replay: every projection rebuilt from the first event ends identical, row by row, with progress shown")
    void replayEndsIdentical() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        Api admin = api("admin-1");
        for (String projection : List.of("cases", "deadlines", "audit", "dst")) {
            Api.Response started = admin.post("/admin/replays/" + projection, "");
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            assertThat(started.body().path("total").asLong()).isGreaterThan(30);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode all = admin.get("/admin/replays").body();
            for (JsonNode p : all) {
                if (!"DONE".equals(p.path("state").asText())) {
                    return false;
                }
            }
            return true;
        });
        JsonNode cases = admin.get("/admin/replays/cases").body();
        assertThat(cases.path("processed").asLong()).isEqualTo(cases.path("total").asLong());
        assertThat(cases.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(admin.get("/actuator/metrics/grants.replay.processed").status()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(admin.post("/admin/replays/case-process", "").status()).as("the case process is never replayed").isEqualTo(400);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return ReadModelTables.snapshot(jdbc);
    }
}
