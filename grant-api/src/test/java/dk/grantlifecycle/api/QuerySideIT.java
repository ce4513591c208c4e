package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side on real PostgreSQL, through the API, as its users see it: the supervisors'
 * deadline queue as the clock moves, the auditors' trail and as-of history, the monthly DST
 * report, and projections that tolerate redelivery and rebuild identically. The tests share one
 * timeline starting Monday 4 January 2027 and run in order.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-01-04T08:00:00Z",
                "grants.embedded-postgres.data-directory=", "grants.replay.progress-interval=PT0.2S"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuerySideIT {

    private static final Map<String, String> CASES = new LinkedHashMap<>();
    private static final List<String> TABLES = List.of("case_view ORDER BY application_id", "grant_view ORDER BY grant_id",
            "complaint_view ORDER BY complaint_id", "deadline_view ORDER BY deadline_key", "deadline_case ORDER BY case_id",
            "audit_entry ORDER BY event_id", "audit_aggregate ORDER BY aggregate_id", "dst_grant ORDER BY grant_id",
            "dst_movement ORDER BY event_id");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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

    private Api api(String actor) {
        return new Api(port, actor);
    }

    private String receive(Api api, String municipality, String team, boolean acute) {
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "%s", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "%s", "acute": %s}"""
                .formatted(municipality, team, acute));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    private JsonNode queue(String query) {
        Api.Response r = api("supervisor").get("/deadlines?" + query);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.path("items")).as(page.toString()).hasSize(1);
        return page.path("items").get(0);
    }

    @Test
    @Order(1)
    @DisplayName("CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER: queue rows, statuses as the clock moves, filters, sorting, pages and counts")
    void deadlineQueue() {
        Api api = api("cw-anna");
        String a1 = receive(api, "lejre", "team-nord", false);
        String a2 = receive(api, "aabenraa", "team-syd", false);
        String a3 = receive(api, "lejre", "team-nord", true);
        CASES.put("a1", a1);
        api.post("/applications/" + a1 + "/caseworker", "{\"team\": \"team-nord\", \"caseworker\": \"cw-anna\"}");
        api.post("/applications/" + a3 + "/caseworker", "{\"caseworker\": \"cw-bo\"}");

        JsonNode acute = only(queue("team=team-nord&status=DUE_TODAY"));
        assertThat(acute.path("ruleId").asText()).as("CASE-ACUTE: in the queue at once").isEqualTo("CASE-ACUTE");
        assertThat(acute.path("caseId").asText()).isEqualTo(a3);
        assertThat(acute.path("caseworker").asText()).isEqualTo("cw-bo");
        JsonNode counts = queue("team=team-nord").path("counts");
        assertThat(counts.path("DUE_TODAY").asInt()).isEqualTo(1);
        assertThat(counts.path("UPCOMING").asInt()).isEqualTo(2);
        JsonNode aabenraa = only(queue("municipality=aabenraa&kind=CASE_PROCESSING"));
        assertThat(aabenraa.path("dueOn").asText()).as("CASE-DEADLINE: 2 months").isEqualTo("2027-03-04");
        assertThat(aabenraa.path("team").asText()).isEqualTo("team-syd");
        assertThat(aabenraa.path("paragraph").asText()).isEqualTo("SEL85");

        JsonNode byDueDesc = queue("rule=CASE-DEADLINE&sort=dueOn&direction=desc&size=1&page=0");
        assertThat(byDueDesc.path("total").asInt()).isEqualTo(3);
        assertThat(byDueDesc.path("items").get(0).path("caseId").asText()).isEqualTo(a2);
        JsonNode secondPage = queue("rule=CASE-DEADLINE&sort=dueOn&direction=desc&size=1&page=1");
        assertThat(secondPage.path("items").get(0).path("dueOn").asText()).isEqualTo("2027-02-08");
        assertThat(queue("dueFrom=2027-02-01&dueTo=2027-02-28").path("total").asInt()).isEqualTo(2);
        assertThat(queue("caseworker=cw-anna").path("total").asInt()).isEqualTo(1);

        advanceTo(api, "2027-02-08");
        JsonNode dueToday = queue("team=team-nord&status=DUE_TODAY&sort=case");
        assertThat(dueToday.path("items")).hasSize(2).allSatisfy(r -> assertThat(r.path("prompt").asText())
                .as("CASE-DEADLINE-LETTER prompt").startsWith("CASE-DEADLINE-LETTER"));

        advanceTo(api, "2027-02-09");
        JsonNode overdue = queue("team=team-nord&status=OVERDUE&sort=rule");
        assertThat(overdue.path("items")).extracting(r -> r.path("ruleId").asText())
                .containsExactly("CASE-ACUTE", "CASE-DEADLINE", "CASE-DEADLINE");
        assertThat(overdue.path("counts").path("OVERDUE").asInt()).isEqualTo(3);

        assertThat(api.post("/applications/" + a1 + "/delay-letter",
                "{\"expectedDecisionBy\": \"2027-03-01\", \"reason\": \"waiting for the psychiatrist\"}").status()).isEqualTo(204);
        JsonNode cancelled = only(queue("case=" + a1 + "&status=CANCELLED"));
        assertThat(cancelled.path("closedReason").asText()).contains("decision expected by 2027-03-01");
        JsonNode letter = only(queue("rule=CASE-DEADLINE-LETTER"));
        assertThat(letter.path("status").asText()).isEqualTo("UPCOMING");
        assertThat(letter.path("prompt").isNull()).isTrue();

        api.post("/applications/" + a1 + "/caseworker", "{\"team\": \"team-syd\", \"caseworker\": \"cw-carl\"}");
        assertThat(only(queue("rule=CASE-DEADLINE-LETTER")).path("team").asText()).isEqualTo("team-syd");

        assertThat(api.get("/deadlines?sort=color").status()).isEqualTo(400);
        assertThat(api.get("/deadlines?status=LATE").status()).isEqualTo(400);
        assertThat(api.get("/deadlines?size=0").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    @DisplayName("The audit trail: every event in order with time, actor, on whose behalf, reason, rule IDs and rule-set version; filters; CSV")
    void auditTrail() {
        Api api = api("cw-dorthe");
        Api.Response received = api.postAs("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""", "guardian-77", "phone call from the guardian");
        String id = received.text("id");
        Workflow w = Workflow.of(api, id).assess(1);
        Api.Response decided = api("cw-erik").post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1", "ruleIds": ["SEL85-TARGET"]}],
                 "content": %s}""".formatted(CONTENT));
        assertThat(decided.status()).isEqualTo(201);
        CASES.put("audited", id);

        JsonNode trail = api.get("/cases/" + id + "/audit").body();
        assertThat(trail).extracting(e -> e.path("eventType").asText()).startsWith("ApplicationReceived", "CaseProcessingDeadlineSet")
                .contains("AssessmentStarted", "AssessmentCompleted", "AssessmentAttached", "ApplicationDecided", "ServiceRejected",
                        "ComplaintWindowOpened");
        JsonNode first = trail.get(0);
        assertThat(first.path("actor").asText()).isEqualTo("cw-dorthe");
        assertThat(first.path("onBehalfOf").asText()).isEqualTo("guardian-77");
        assertThat(first.path("reason").asText()).isEqualTo("phone call from the guardian");
        assertThat(first.path("occurredAt").asText()).startsWith("2027-02-09");
        assertThat(first.toString()).as("PII-NOT-IN-CLEAR").doesNotContain("010190", "Test Borger");
        JsonNode decision = api.get("/cases/" + id + "/audit?type=ApplicationDecided").body();
        assertThat(decision).hasSize(1);
        assertThat(decision.get(0).path("actor").asText()).isEqualTo("cw-erik");
        assertThat(decision.get(0).path("ruleIds")).extracting(JsonNode::asText).contains("SEL85-TARGET");
        assertThat(decision.get(0).path("ruleSetVersion").asText()).isEqualTo("lejre@2025-08-11+law@2018-07-01");
        assertThat(api.get("/cases/" + id + "/audit?actor=cw-erik").body()).allSatisfy(e ->
                assertThat(e.path("actor").asText()).isEqualTo("cw-erik"));
        assertThat(api.get("/cases/" + id + "/audit?from=2099-01-01T00:00:00Z").body()).isEmpty();
        String csv = api.getText("/cases/" + id + "/audit?format=csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("occurredAt,eventType,actor,onBehalfOf,reason,ruleIds");
        assertThat(csv).contains("ApplicationDecided,cw-erik").doesNotContain("010190");
    }

    @Test
    @Order(3)
    @DisplayName("As-of history: the case as known at three instants, rebuilt from the event store, not from today's read models")
    void asOfHistory() {
        Api api = api("cw-anna");
        String id = receive(api, "lejre", "team-nord", false);
        Instant received = Instant.parse(api.get("/simulation/clock").text("now"));
        Workflow.of(api, id).assess(2);
        advanceTo(api, "2027-02-10");
        Api.Response decided = api.post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"hoursPerWeek": 3, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}"""
                .formatted(CONTENT));
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        Instant afterDecision = Instant.parse(api.get("/simulation/clock").text("now"));
        advanceTo(api, "2027-02-11");
        api.post("/grants/" + grant + "/action-plan/offer", "{}");
        api.post("/grants/" + grant + "/start", "{}");
        assertThat(api.post("/grants/" + grant + "/scope-reduction", """
                {"terms": {"hoursPerWeek": 1, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}, "content": %s}"""
                .formatted(CONTENT)).status()).isEqualTo(200);
        Instant afterReduction = Instant.parse(api.get("/simulation/clock").text("now"));
        CASES.put("history", id);
        CASES.put("historyGrant", grant);

        JsonNode t1 = api.get("/cases/" + id + "/as-of?at=" + received).body();
        assertThat(t1.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(t1.path("grants")).isEmpty();
        assertThat(t1.path("openDeadlines")).extracting(d -> d.path("ruleId").asText()).containsExactly("CASE-DEADLINE");

        JsonNode t2 = api.get("/cases/" + id + "/as-of?at=" + afterDecision).body();
        assertThat(t2.path("status").asText()).isEqualTo("DECIDED");
        assertThat(t2.path("scores").path("PRACTICAL_TASKS").asInt()).isEqualTo(2);
        assertThat(t2.path("grants").get(0).path("status").asText()).isEqualTo("GRANTED");
        assertThat(t2.path("grants").get(0).path("terms").path("hoursPerWeek").asInt()).isEqualTo(3);
        assertThat(t2.path("openDeadlines")).extracting(d -> d.path("ruleId").asText())
                .containsExactlyInAnyOrder("COMPLAINT-WINDOW", "SEL85-FOLLOWUP-6M");

        JsonNode t3 = api.get("/cases/" + id + "/as-of?at=2027-02-11").body();
        assertThat(t3.path("grants").get(0).path("status").asText()).isEqualTo("STARTED");
        assertThat(t3.path("grants").get(0).path("terms").path("hoursPerWeek").asInt()).isEqualTo(1);
        assertThat(t3.path("openDeadlines")).extracting(d -> d.path("ruleId").asText()).contains("COMPLAINT-WINDOW");
        assertThat(Instant.parse(t3.path("lastEventAt").asText())).isBeforeOrEqualTo(afterReduction);
        assertThat(t3.toString()).doesNotContain("010190", "Test Borger");
        assertThat(api.get("/cases/" + id + "/as-of?at=2027-01-01").status()).as("nothing known before receipt").isEqualTo(404);
    }

    @Test
    @Order(4)
    @DisplayName("DST-REPORT: the month's starts, changes and ends per paragraph; a late movement becomes a correction")
    void dstReport() {
        Api api = api("cw-anna");
        String late = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, late).assess(2);
        Api.Response decided = api.post("/applications/" + late + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}], "content": %s}""".formatted(CONTENT));
        String lateGrant = decided.body().path("grants").get(0).path("grantId").asText();
        api.post("/grants/" + lateGrant + "/action-plan/offer", "{}");

        JsonNode february = api.post("/reports/dst/lejre/2027-02", "").body();
        assertThat(february.path("dueBy").asText()).isEqualTo("2027-03-14");
        assertThat(february.path("countsPerParagraph").path("SEL85").path("START").asInt()).isEqualTo(1);
        assertThat(february.path("countsPerParagraph").path("SEL85").path("CHANGE").asInt()).isEqualTo(1);
        assertThat(february.path("lines")).allSatisfy(l -> assertThat(l.path("grantId").asText()).isEqualTo(CASES.get("historyGrant")));
        assertThat(api.get("/reports/dst/lejre/2027-02/preview").body().path("lines")).as("nothing is reported twice").isEmpty();

        advanceTo(api, "2027-03-02");
        assertThat(api.post("/grants/" + lateGrant + "/start", "{\"startedOn\": \"2027-02-25\"}").status()).isEqualTo(204);
        JsonNode march = api.post("/reports/dst/lejre/2027-03", "").body();
        assertThat(march.path("lines")).isEmpty();
        assertThat(march.path("corrections")).singleElement().satisfies(c -> {
            assertThat(c.path("grantId").asText()).isEqualTo(lateGrant);
            assertThat(c.path("movement").asText()).isEqualTo("START");
            assertThat(c.path("month").asText()).isEqualTo("2027-02");
            assertThat(c.path("correction").asBoolean()).isTrue();
        });
        assertThat(api.get("/reports/dst/lejre/2027-03").body()).hasSize(1);
        assertThat(api.post("/reports/dst/lejre/2027-13", "").status()).isEqualTo(400);
    }

    @Test
    @Order(5)
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
        assertThat(redelivered).isGreaterThan(50);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    @DisplayName("Replay: every projection rebuilt from the first event ends identical, row by row, with progress shown")
    void replayEndsIdentical() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        Api admin = api("admin-1");
        for (String projection : List.of("cases", "deadlines", "audit", "dst")) {
            Api.Response started = admin.post("/admin/replays/" + projection, "");
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            assertThat(started.body().path("total").asLong()).isGreaterThan(50);
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
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table);
            rows.forEach(r -> r.replaceAll((k, v) -> v == null ? null : v.toString()));
            tables.put(table, rows);
        }
        return tables;
    }
}
