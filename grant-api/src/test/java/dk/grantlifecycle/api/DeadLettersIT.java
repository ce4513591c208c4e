package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.grantlifecycle.domain.application.ApplicationCommands.AssignCaseworker;
import dk.grantlifecycle.domain.shared.ApplicationId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No event is ever skipped by a read model: an event a projection cannot apply is parked in
 * Axon's dead-letter queue on PostgreSQL, with its case's later events behind it, while other
 * cases flow; operators see it (listing, health, metric, the case view) and retry it once the
 * cause is gone, and a replay handles it again. PostgreSQL refuses the writes for real: check
 * constraints added by the test stand for a value it cannot store (the U+0000 of the original
 * defect, which the second test sends through the command gateway, past the API's input checks).
 * Own context: the constraints and a parked U+0000 must not touch other tests.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-05-03T08:00:00Z",
                "grants.embedded-postgres.data-directory=", "grants.replay.progress-interval=PT0.2S"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLettersIT {

    private static final List<String> PROJECTIONS = List.of("cases", "deadlines", "audit", "dst");
    private static final String REFUSED_TEAM = "team-refused";
    private static final String REFUSED_CASEWORKER = "cw-refused";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway gateway;

    private final List<String> constraints = new ArrayList<>();

    private Api api(String actor) {
        return new Api(port, actor);
    }

    @Test
    @Order(1)
    @DisplayName("A refused event is parked with its case's later events, in order, in every projection; other cases flow; "
            + "operators see it; retried after the fix, the read models equal a clean replay")
    void poisonEventIsParkedThenRetried() {
        Api cw = api("cw-anna");
        refuse("case_view", "team IS DISTINCT FROM '" + REFUSED_TEAM + "'");
        refuse("deadline_case", "team IS DISTINCT FROM '" + REFUSED_TEAM + "'");
        String firstParked = receive(cw, REFUSED_TEAM);

        String poisoned = receive(cw, "team-nord");
        refuse("case_view", "caseworker IS DISTINCT FROM '" + REFUSED_CASEWORKER + "'");
        refuse("deadline_case", "caseworker IS DISTINCT FROM '" + REFUSED_CASEWORKER + "'");
        refuse("audit_entry", "payload->>'caseworker' IS DISTINCT FROM '" + REFUSED_CASEWORKER + "'");
        refuse("dst_grant", "case_id <> '" + poisoned + "'");
        assign(cw, poisoned, REFUSED_CASEWORKER);

        String clean = receive(cw, "team-nord");
        assign(cw, clean, "cw-anna");
        String cleanGrant = grantAndStart(cw, clean);
        String poisonedGrant = grantAndStart(cw, poisoned);

        JsonNode flowing = cw.get("/cases/" + clean).body();
        assertThat(flowing.path("readModelIncomplete").asBoolean()).as(flowing.toString()).isFalse();
        assertThat(flowing.path("parkedEvents").asInt()).isZero();
        assertThat(flowing.path("caseworker").asText()).isEqualTo("cw-anna");
        assertThat(flowing.path("grants").get(0).path("status").asText()).isEqualTo("STARTED");
        assertThat(flowing.path("grants").get(0).path("actionPlanOffered").asBoolean()).isTrue();
        assertThat(cw.get("/cases/" + clean + "/audit").body()).hasSizeGreaterThan(10);

        JsonNode waiting = cw.get("/cases/" + poisoned).body();
        assertThat(waiting.path("readModelIncomplete").asBoolean()).as(waiting.toString()).isTrue();
        assertThat(waiting.path("parkedEvents").asInt()).isEqualTo(parkedOf(poisoned));
        assertThat(waiting.path("caseworker").isNull()).as("the refused assignment is not applied").isTrue();
        assertThat(waiting.path("status").asText()).as("later events wait behind it").isEqualTo("RECEIVED");
        assertThat(waiting.path("grants")).isEmpty();
        Api.Response unseen = cw.get("/cases/" + firstParked);
        assertThat(unseen.status()).as("a case whose first event is parked exists, incompletely").isEqualTo(200);
        assertThat(unseen.body().path("applicationId").asText()).isEqualTo(firstParked);
        assertThat(unseen.body().path("readModelIncomplete").asBoolean()).isTrue();
        assertThat(unseen.body().path("parkedEvents").asInt()).isEqualTo(3);
        assertThat(unseen.body().path("status").isNull()).isTrue();

        Api admin = api("ops-1");
        JsonNode listing = admin.get("/admin/dead-letters?limit=1000").body();
        assertThat(PROJECTIONS.stream().mapToLong(p -> listing.path("parkedPerProcessingGroup").path(p).asLong()).sum())
                .isEqualTo(listing.path("matching").asLong()).isEqualTo(listing.path("letters").size());
        assertThat(listing.path("letters")).extracting(l -> l.path("sequence").asText()).doesNotContain(clean)
                .contains(firstParked, poisoned);
        for (String projection : PROJECTIONS) {
            JsonNode letters = admin.get("/admin/dead-letters?processingGroup=" + projection + "&sequence=" + poisoned).body()
                    .path("letters");
            assertThat(letters).as(projection).isNotEmpty();
            JsonNode head = letters.get(0);
            assertThat(head.path("eventType").asText()).as(projection).isEqualTo(projection.equals("dst") ? "ServiceGranted" : "CaseworkerAssigned");
            assertThat(head.path("attempts").asInt()).isEqualTo(1);
            assertThat(head.path("causeType").asText()).isEqualTo("org.springframework.dao.DataIntegrityViolationException");
            assertThat(head.path("causeMessage").asText()).contains("violates check constraint");
            assertThat(head.path("eventTime").asText()).startsWith("2027-05-03");
            assertThat(head.path("eventId").asText()).isNotBlank();
            assertThat(letters).as("%s: the case's later events wait behind it, in the order stored", projection)
                    .extracting(l -> storedAt(l.path("eventId").asText())).isSorted();
            for (int i = 1; i < letters.size(); i++) {
                assertThat(letters.get(i).path("attempts").asInt()).as("waits behind the failed one, not tried").isZero();
            }
            assertThat(letters.toString()).as("the listing never shows event data").doesNotContain("payload", "010190");
        }
        JsonNode casesLetters = admin.get("/admin/dead-letters?processingGroup=cases&sequence=" + poisoned).body().path("letters");
        assertThat(casesLetters).extracting(l -> l.path("eventType").asText())
                .as("a grant's events wait behind their case's, also those that do not name the case")
                .contains("AssessmentAttached", "ApplicationDecided", "ServiceGranted", "ActionPlanOffered", "ServiceStarted");
        assertThat(admin.get("/admin/dead-letters?processingGroup=nope").status()).isEqualTo(400);

        Api.Response health = admin.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("DEGRADED");
        assertThat(admin.get("/actuator/health/liveness").text("status")).isEqualTo("UP");
        assertThat(admin.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        JsonNode gauge = admin.get("/actuator/metrics/grants.deadletters.parked?tag=processingGroup:cases").body();
        assertThat(gauge.path("measurements").get(0).path("value").asLong())
                .isEqualTo(listing.path("parkedPerProcessingGroup").path("cases").asLong());

        JsonNode stillRefused = admin.post("/admin/dead-letters/cases/retry", "").body();
        assertThat(stillRefused.path("sequencesTried").asInt()).isEqualTo(2);
        assertThat(stillRefused.path("sequencesApplied").asInt()).isZero();
        assertThat(admin.get("/admin/dead-letters?processingGroup=cases&sequence=" + poisoned).body().path("letters").get(0)
                .path("attempts").asInt()).as("a failed retry keeps the event and counts the attempt").isEqualTo(2);

        constraints.forEach(c -> jdbc.execute("ALTER TABLE " + c));
        JsonNode one = admin.post("/admin/dead-letters/cases/retry?sequence=" + firstParked, "").body();
        assertThat(one.path("sequencesApplied").asInt()).as(one.toString()).isEqualTo(1);
        assertThat(cw.get("/cases/" + firstParked).body().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(admin.post("/admin/dead-letters/cases/retry?sequence=" + firstParked, "").status()).isEqualTo(404);
        for (String projection : PROJECTIONS) {
            JsonNode all = admin.post("/admin/dead-letters/" + projection + "/retry", "").body();
            assertThat(all.path("stillParked")).as(all.toString()).isEmpty();
            assertThat(all.path("parkedAfter").asLong()).isZero();
        }
        assertThat(admin.get("/actuator/health").text("status")).isEqualTo("UP");
        JsonNode repaired = cw.get("/cases/" + poisoned).body();
        assertThat(repaired.path("readModelIncomplete").asBoolean()).isFalse();
        assertThat(repaired.path("caseworker").asText()).isEqualTo(REFUSED_CASEWORKER);
        assertThat(repaired.path("grants").get(0).path("grantId").asText()).isEqualTo(poisonedGrant);
        assertThat(repaired.path("grants").get(0).path("actionPlanOffered").asBoolean()).isTrue();
        assertThat(cleanGrant).isNotEqualTo(poisonedGrant);

        var retried = ReadModelTables.snapshot(jdbc);
        replayAll(admin);
        assertThat(ReadModelTables.snapshot(jdbc)).as("retried read models equal a clean replay, row by row").isEqualTo(retried);
    }

    @Test
    @Order(2)
    @DisplayName("The original defect: a U+0000 sent past the API is parked in every projection that stores it, retries keep it, "
            + "and a replay parks it again instead of reporting a repair")
    void nulCharacterIsParkedNotSkipped() {
        Api cw = api("cw-anna");
        String id = receive(cw, "team-nord");
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new AssignCaseworker(ApplicationId.of(id), "team-nord", "cw-\u0000", null)).andMetaData(Map.of("actor", "it-gateway")));
        assign(cw, id, "cw-bo");
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedIn("cases", id) == 2 && parkedIn("deadlines", id) == 2
                && parkedIn("audit", id) >= 2);

        JsonNode view = cw.get("/cases/" + id).body();
        assertThat(view.path("readModelIncomplete").asBoolean()).isTrue();
        assertThat(view.path("caseworker").isNull()).as("the later, clean assignment waits rather than overtaking").isTrue();
        Api admin = api("ops-1");
        JsonNode head = admin.get("/admin/dead-letters?processingGroup=cases&sequence=" + id).body().path("letters").get(0);
        assertThat(head.path("causeMessage").asText()).contains("0x00");
        assertThat(admin.get("/admin/dead-letters?processingGroup=audit&sequence=" + id).body().path("letters").get(0)
                .path("causeMessage").asText()).contains("\\u0000");

        assertThat(admin.post("/admin/dead-letters/cases/retry?sequence=" + id, "").body().path("stillParked")).hasSize(1);
        assertThat(admin.get("/admin/dead-letters?processingGroup=cases&sequence=" + id).body().path("letters").get(0)
                .path("attempts").asInt()).isEqualTo(2);

        assertThat(admin.post("/admin/replays/cases", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(admin.get("/admin/replays/cases").text("state")));
        JsonNode done = admin.get("/admin/replays/cases").body();
        assertThat(done.path("parkedEvents").asLong()).as("a replay that is done says what it parked").isEqualTo(2);
        assertThat(admin.get("/admin/dead-letters?processingGroup=cases&sequence=" + id).body().path("letters").get(0)
                .path("attempts").asInt()).as("the replay handled it afresh").isEqualTo(1);
        assertThat(admin.get("/actuator/health").text("status")).isEqualTo("DEGRADED");
    }

    @Test
    @Order(3)
    @DisplayName("A one-case retry finds its case among more than ten parked ones (Axon 4.13.0's paging, fixed here)")
    void oneCaseRetryFindsItsCaseAmongMany() {
        Api cw = api("cw-anna");
        constraints.clear();
        refuse("case_view", "team IS DISTINCT FROM 'team-many'");
        List<String> parked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parked.add(receive(cw, "team-many"));
        }
        constraints.forEach(c -> jdbc.execute("ALTER TABLE " + c));
        String newest = parked.get(parked.size() - 1);
        Api admin = api("ops-1");
        JsonNode one = admin.post("/admin/dead-letters/cases/retry?sequence=" + newest, "").body();
        assertThat(one.path("sequencesApplied").asInt()).as(one.toString()).isEqualTo(1);
        assertThat(cw.get("/cases/" + newest).body().path("team").asText()).isEqualTo("team-many");
        JsonNode rest = admin.post("/admin/dead-letters/cases/retry", "").body();
        assertThat(rest.path("sequencesApplied").asInt()).as(rest.toString()).isEqualTo(parked.size() - 1);
    }

    private void refuse(String table, String check) {
        String name = "it_refuses_" + constraints.size();
        jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + check + ")");
        constraints.add(table + " DROP CONSTRAINT " + name);
    }

    private static String receive(Api api, String team) {
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "%s"}""".formatted(team));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    private static void assign(Api api, String id, String caseworker) {
        Api.Response r = api.post("/applications/" + id + "/caseworker", "{\"team\": \"team-nord\", \"caseworker\": \"%s\"}"
                .formatted(caseworker));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(204);
    }

    /** Assessment, a granted decision, the action plan offered (an event that does not name the case) and the start. */
    private static String grantAndStart(Api api, String id) {
        Api.Response started = api.post("/applications/" + id + "/assessments", "{}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(api.post("/assessments/" + started.text("id") + "/completion", """
                {"scores": {"PRACTICAL_TASKS": 2}, "evidence": [{"source": "DOCTOR", "description": "statement from GP",
                 "consentGiven": true}], "madeWithCitizen": true}""").status()).isEqualTo(204);
        Api.Response decided = api.post("/applications/" + id + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"hoursPerWeek": 2, "goals": ["cooks"], "lessIntrusiveConsidered": ["drop-in centre"]}}],
                 "content": %s}""".formatted(Scenarios.CONTENT));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        assertThat(api.post("/grants/" + grant + "/action-plan/offer", "{}").status()).isEqualTo(204);
        assertThat(api.post("/grants/" + grant + "/start", "{}").status()).isEqualTo(204);
        return grant;
    }

    private void replayAll(Api admin) {
        for (String projection : PROJECTIONS) {
            assertThat(admin.post("/admin/replays/" + projection, "").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode p : admin.get("/admin/replays").body()) {
                if (!"DONE".equals(p.path("state").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    private int parkedOf(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE sequenceidentifier = ?", Integer.class, caseId);
    }

    private int parkedIn(String projection, String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                Integer.class, projection, caseId);
    }

    private long storedAt(String eventId) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?", Long.class, eventId);
    }
}
