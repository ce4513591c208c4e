package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.api.personaldata.ClearPersonalDataMigration;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.upcasting.EventJson;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PII-NOT-IN-CLEAR, NO-DELETE-WITHOUT-ARCHIVE and ANONYMOUS through the API on real PostgreSQL:
 * what the event store holds after a case run, crypto-shredding one of two citizens followed by a
 * replay of every projection, the one-off migration of events written in clear, and an anonymous
 * case run to a decision.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-01-04T08:00:00Z",
                "grants.embedded-postgres.data-directory=", "grants.replay.progress-interval=PT0.2S"})
@DirtiesContext
class PersonalDataIT extends QuerySideBase {

    /** Karen, born 7 March 1985 (CPR-VALID: 7th digit 1, so the 1900s). */
    private static final String KAREN_CPR = "070385-1234";
    private static final String KAREN = "Karen Eriksen Smidt";
    /** Mads, born 12 April 1977. */
    private static final String MADS_CPR = "120477-2345";
    private static final String MADS = "Mads Holm Lindqvist";
    /** Ten digits, or six and four with a dash, standing alone: what a CPR number looks like in text. */
    private static final Pattern CPR_PATTERN = Pattern.compile("(?<![0-9A-Za-z])\\d{6}-?\\d{4}(?![0-9A-Za-z])");

    private static String karenCase;
    /** Karen's second application: the same citizen, so the same key. */
    private static String karenSecondCase;
    private static String madsCase;

    @Autowired
    EventStore eventStore;

    @Autowired
    ClearPersonalDataMigration migration;

    @BeforeEach
    void twoCitizensWithGrants() {
        if (karenCase != null) {
            return;
        }
        Api api = api("cw-anna");
        karenCase = grantedCase(api, KAREN_CPR, KAREN);
        madsCase = grantedCase(api, MADS_CPR, MADS);
        Api.Response second = api.post("/applications", """
                {"citizen": {"cpr": "%s", "name": "%s"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "team-nord"}"""
                .formatted(KAREN_CPR, KAREN));
        assertThat(second.status()).isEqualTo(201);
        karenSecondCase = second.text("id");
        Workflow.of(api, karenSecondCase).awaitCase(c -> !c.isMissingNode());
    }

    private String grantedCase(Api api, String cpr, String name) {
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "%s", "name": "%s"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "team-nord"}"""
                .formatted(cpr, name));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        Workflow w = Workflow.of(api, r.text("id"));
        w.awaitCase(c -> !c.isMissingNode());
        w.assess(2).grant();
        // ACTION-PLAN: Lejre offers an action plan with every § 85 grant (002 § 85), before the service starts.
        assertThat(api.post("/grants/" + w.grantId + "/action-plan/offer", "{}").status()).isEqualTo(204);
        assertThat(api.post("/grants/" + w.grantId + "/start", "{}").status()).isEqualTo(204);
        return w.applicationId;
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: after a case run the raw domainevententry payloads and metadata hold no CPR pattern and no submitted name")
    void eventStoreHoldsNoPersonalDataInClear() {
        List<String> stored = jdbc.query("SELECT payload, metadata FROM domainevententry", (rs, i) ->
                new String(rs.getBytes(1), StandardCharsets.UTF_8) + "\n" + new String(rs.getBytes(2), StandardCharsets.UTF_8));
        assertThat(stored).hasSizeGreaterThan(20);
        String all = String.join("\n", stored);
        assertThat(CPR_PATTERN.matcher(all).find()).as("a CPR-like number in the event store").isFalse();
        for (String secret : List.of(KAREN_CPR, KAREN_CPR.replace("-", ""), MADS_CPR, MADS_CPR.replace("-", ""),
                KAREN, MADS, "Smidt", "Lindqvist")) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ? "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"sealed\"%'", Integer.class, ApplicationReceived.class.getName()))
                .as("each citizen's part is sealed").isGreaterThanOrEqualTo(2);
        // Read through the event serializer, with the citizen's key, the data is all there.
        assertThat(citizenOf(madsCase).cpr().value()).isEqualTo("1204772345");
        assertThat(citizenOf(madsCase).name()).isEqualTo(MADS);
    }

    @Test
    @DisplayName("NO-DELETE-WITHOUT-ARCHIVE, PII-NOT-IN-CLEAR: erasing one of two citizens destroys only that key; after a replay of every "
            + "projection the name and CPR number read as erased in events, views, audit trail, as-of history and exports, the case "
            + "and its deadlines are unchanged, the other citizen is intact, nothing stored is rewritten, and the erasure is audited")
    void cryptoShreddingOneOfTwoCitizens() {
        Api caseworker = api("cw-anna");
        Api admin = api("admin-1");
        JsonNode karenBefore = caseworker.get("/cases/" + karenCase + "/citizen").body();
        assertThat(karenBefore.path("personalData").asText()).isEqualTo("PRESENT");
        assertThat(karenBefore.path("cpr").asText()).isEqualTo("0703851234");
        assertThat(karenBefore.path("name").asText()).isEqualTo(KAREN);
        Map<Long, String> storeBefore = eventStoreRows();
        JsonNode karenViewBefore = withoutPersonalDataState(caseworker.get("/cases/" + karenCase).body());
        String karenDeadlinesBefore = caseworker.get("/cases/" + karenCase + "/deadlines?all=true").body().toString();
        JsonNode madsViewBefore = caseworker.get("/cases/" + madsCase).body();
        String madsAuditBefore = caseworker.get("/cases/" + madsCase + "/audit").body().toString();

        Api.Response refused = admin.post("/admin/cases/" + karenCase + "/citizen-erasure",
                "{\"reason\": \"the citizen asked for erasure (GDPR art. 17)\"}");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("rule")).isEqualTo("NO-DELETE-WITHOUT-ARCHIVE");
        assertThat(refused.text("field")).isEqualTo("archivePermission");
        String permitted = """
                {"reason": "the citizen asked for erasure (GDPR art. 17)", "archivePermission": "Lejre Stadsarkiv 2027-0042"}""";
        assertThat(new Api(port, "admin-aabenraa", "aabenraa", List.of("admin"))
                .post("/admin/cases/" + karenCase + "/citizen-erasure", permitted).status())
                .as("another municipality's administrator finds no such case").isEqualTo(404);
        assertThat(new Api(port, "cw-lejre", "lejre", List.of("caseworker"))
                .post("/admin/cases/" + karenCase + "/citizen-erasure", permitted).status())
                .as("erasure is for administrators").isEqualTo(403);
        assertThat(eventStoreRows()).as("a refused erasure stores nothing").isEqualTo(storeBefore);

        Api.Response erased = admin.post("/admin/cases/" + karenCase + "/citizen-erasure", """
                {"reason": "the citizen asked for erasure (GDPR art. 17)", "archivePermission": "Lejre Stadsarkiv 2027-0042"}""");
        assertThat(erased.status()).as(erased.body() == null ? "" : erased.body().toString()).isEqualTo(204);

        replayEveryProjection(admin);

        // The event store: the old rows are byte for byte as they were; one event was added, the erasure.
        Map<Long, String> storeAfter = eventStoreRows();
        assertThat(storeAfter).containsAllEntriesOf(storeBefore);
        assertThat(storeAfter).hasSize(storeBefore.size() + 1);
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE globalindex > ?", String.class,
                storeBefore.keySet().stream().mapToLong(Long::longValue).max().orElseThrow()))
                .containsExactly("dk.grantlifecycle.domain.application.ApplicationEvent$CitizenDataErased");
        assertThat(jdbc.queryForObject("SELECT keyset IS NULL AND erased_at IS NOT NULL FROM citizen_data_key WHERE citizen_id = ?",
                Boolean.class, karenViewBefore.path("citizenId").asText())).isTrue();

        // Events, read through the serializer as every projection and aggregate reads them.
        assertThat(citizenOf(karenCase)).isEqualTo(CitizenIdentity.erasedIdentity());
        assertThat(citizenOf(madsCase).name()).isEqualTo(MADS);

        // The citizen endpoint: erased for Karen, readable for Mads.
        JsonNode karenAfter = caseworker.get("/cases/" + karenCase + "/citizen").body();
        assertThat(karenAfter.path("personalData").asText()).isEqualTo("ERASED");
        assertThat(karenAfter.path("cpr").isNull()).isTrue();
        assertThat(karenAfter.path("name").isNull()).isTrue();
        JsonNode karenSecond = caseworker.get("/cases/" + karenSecondCase + "/citizen").body();
        assertThat(karenSecond.path("personalData").asText()).as("the citizen is erased, in each of her cases").isEqualTo("ERASED");
        assertThat(karenSecond.path("cpr").isNull()).isTrue();
        assertThat(caseworker.get("/cases/" + karenSecondCase).body().path("personalData").asText()).isEqualTo("ERASED");
        JsonNode madsAfter = caseworker.get("/cases/" + madsCase + "/citizen").body();
        assertThat(madsAfter.path("personalData").asText()).isEqualTo("PRESENT");
        assertThat(madsAfter.path("cpr").asText()).isEqualTo("1204772345");
        assertThat(madsAfter.path("name").asText()).isEqualTo(MADS);

        // The case view after the replay: erased, otherwise as before; its deadlines as before; Mads's case unchanged.
        JsonNode karenView = caseworker.get("/cases/" + karenCase).body();
        assertThat(karenView.path("personalData").asText()).isEqualTo("ERASED");
        assertThat(withoutPersonalDataState(karenView)).isEqualTo(karenViewBefore);
        assertThat(karenView.path("grants")).hasSize(1);
        assertThat(caseworker.get("/cases/" + karenCase + "/deadlines?all=true").body().toString()).isEqualTo(karenDeadlinesBefore);
        assertThat(caseworker.get("/cases/" + madsCase).body()).isEqualTo(madsViewBefore);
        assertThat(caseworker.get("/cases/" + madsCase + "/audit").body().toString()).isEqualTo(madsAuditBefore);

        // The audit trail records the erasure: who, why, and the archive authority's permission.
        JsonNode erasure = caseworker.get("/cases/" + karenCase + "/audit?type=CitizenDataErased").body();
        assertThat(erasure).hasSize(1);
        assertThat(erasure.get(0).path("actor").asText()).isEqualTo("admin-1");
        assertThat(erasure.get(0).toString()).contains("Lejre Stadsarkiv 2027-0042").contains("GDPR art. 17");

        // As-of history, even at an instant before the erasure, cannot read what the destroyed key encrypted.
        String decidedAt = caseworker.get("/cases/" + karenCase + "/audit?type=ApplicationDecided").body().get(0)
                .path("occurredAt").asText();
        JsonNode asOf = caseworker.get("/cases/" + karenCase + "/as-of?at=" + decidedAt).body();
        assertThat(asOf.path("status").asText()).as(asOf.toString()).isNotEmpty();
        assertThat(asOf.path("personalData").asText()).isEqualTo("ERASED");

        // Everything the API shows of either case, Karen's personal data nowhere; Mads's only where it is asked for.
        List<String> shown = new ArrayList<>();
        for (String id : List.of(karenCase, karenSecondCase, madsCase)) {
            shown.add(caseworker.get("/cases/" + id).body().toString());
            shown.add(caseworker.get("/cases/" + id + "/deadlines?all=true").body().toString());
            shown.add(caseworker.get("/cases/" + id + "/audit").body().toString());
            shown.add(caseworker.getText("/cases/" + id + "/audit?format=csv"));
            shown.add(caseworker.get("/cases/" + id + "/as-of?at=" + decidedAt).body().toString());
        }
        shown.add(caseworker.get("/cases/" + karenCase + "/citizen").body().toString());
        shown.add(api("supervisor").get("/deadlines?municipality=lejre&size=100").body().toString());
        shown.add(admin.get("/reports/dst/lejre/2027-01/preview").body().toString());
        String everything = String.join("\n", shown);
        for (String secret : List.of("0703851234", KAREN_CPR, KAREN, "Smidt", "1204772345", MADS_CPR, MADS, "Lindqvist")) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: an application stored in clear before encryption came is encrypted in place by the migration and reads the same")
    void clearEventsAreMigrated() throws Exception {
        Api api = api("cw-anna");
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Old Clear Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        assertThat(r.status()).isEqualTo(201);
        String id = r.text("id");
        // The event as the service wrote it before this change: the citizen part in clear.
        ObjectNode clear = (ObjectNode) EventJson.mapper().readTree(jdbc.queryForObject(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", byte[].class, id));
        clear.putObject("citizen").put("cpr", "0101901234").put("name", "Old Clear Borger");
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? AND sequencenumber = 0",
                EventJson.mapper().writeValueAsBytes(clear), id);
        assertThat(storedPayload(id)).contains("0101901234").contains("Old Clear Borger");
        assertThat(citizenOf(id).name()).as("clear events still read before the migration").isEqualTo("Old Clear Borger");

        assertThat(migration.migrate()).isEqualTo(1);

        assertThat(storedPayload(id)).doesNotContain("0101901234").doesNotContain("Old Clear Borger").contains("\"sealed\"");
        JsonNode citizen = api.get("/cases/" + id + "/citizen").body();
        assertThat(citizen.path("cpr").asText()).isEqualTo("0101901234");
        assertThat(citizen.path("name").asText()).isEqualTo("Old Clear Borger");
        assertThat(migration.migrate()).as("a second run finds nothing").isZero();
    }

    @Test
    @DisplayName("ANONYMOUS: an anonymous application has no CPR number or name, a case reference and an age band, and gets deadlines, a decision and an audit trail")
    void anonymousCaseRunsLikeAnyOther() {
        Api api = api("cw-anna");
        Api.Response r = api.post("/applications", """
                {"anonymous": {"caseReference": "LEJRE-ANON-2027-3", "ageBand": {"from": 30, "to": 39}},
                 "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "team-nord"}""");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        Workflow w = Workflow.of(api, r.text("id"));
        JsonNode view = w.awaitCase(c -> !c.isMissingNode());
        assertThat(view.path("personalData").asText()).isEqualTo("ANONYMOUS");
        assertThat(view.path("caseReference").asText()).isEqualTo("LEJRE-ANON-2027-3");
        assertThat(view.path("ageBand").asText()).isEqualTo("30-39");
        assertThat(view.path("citizenId").isNull()).isTrue();
        assertThat(view.path("deadlines")).as("CASE-DEADLINE runs").isNotEmpty();
        w.assess(2).grant();
        JsonNode decided = w.caseView();
        assertThat(decided.path("grants")).hasSize(1);
        assertThat(decided.path("grants").get(0).path("outcome").asText()).isEqualTo("GRANTED");
        JsonNode trail = api.get("/cases/" + w.applicationId + "/audit").body();
        assertThat(trail).extracting(e -> e.path("eventType").asText()).contains("ApplicationReceived", "ApplicationDecided");
        JsonNode citizen = api.get("/cases/" + w.applicationId + "/citizen").body();
        assertThat(citizen.path("personalData").asText()).isEqualTo("ANONYMOUS");
        assertThat(citizen.path("caseReference").asText()).isEqualTo("LEJRE-ANON-2027-3");

        Api.Response erase = api("admin-1").post("/admin/cases/" + w.applicationId + "/citizen-erasure",
                "{\"reason\": \"asked\", \"archivePermission\": \"x\"}");
        assertThat(erase.status()).isEqualTo(422);
        assertThat(erase.text("rule")).isEqualTo("ANONYMOUS");
    }

    @Test
    @DisplayName("ANONYMOUS, CPR-VALID: an application names its citizen or is anonymous, not both and not neither; a bad band is refused")
    void anonymousOrNamed() {
        Api api = api("cw-anna");
        Api.Response both = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test"}, "anonymous": {"caseReference": "A-1", "ageBand": {"from": 30}},
                 "municipality": "lejre", "paragraph": "SEL85", "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.text("rule")).isEqualTo("ANONYMOUS");
        assertThat(both.text("field")).isEqualTo("citizen");
        Api.Response neither = api.post("/applications", """
                {"municipality": "lejre", "paragraph": "SEL85", "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.text("field")).isEqualTo("citizen");
        Api.Response badBand = api.post("/applications", """
                {"anonymous": {"caseReference": "A-2", "ageBand": {"from": 40, "to": 30}},
                 "municipality": "lejre", "paragraph": "SEL85", "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        assertThat(badBand.status()).isEqualTo(422);
        assertThat(badBand.text("rule")).isEqualTo("ANONYMOUS");
        Api.Response badCpr = api.post("/applications", """
                {"citizen": {"cpr": "310290-1234", "name": "Test"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""");
        assertThat(badCpr.status()).isEqualTo(400);
        assertThat(badCpr.text("rule")).isEqualTo("CPR-VALID");
    }

    private CitizenIdentity citizenOf(String caseId) {
        return ((ApplicationReceived) eventStore.readEvents(caseId).asStream().findFirst().orElseThrow().getPayload()).citizen();
    }

    private String storedPayload(String caseId) {
        return new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, caseId), StandardCharsets.UTF_8);
    }

    /** Every stored event: position to a digest of its payload and metadata. */
    private Map<Long, String> eventStoreRows() {
        Map<Long, String> rows = new LinkedHashMap<>();
        jdbc.query("SELECT globalindex, md5(payload) || md5(coalesce(metadata, ''::bytea)) AS digest FROM domainevententry ORDER BY globalindex",
                rs -> {
                    rows.put(rs.getLong(1), rs.getString(2));
                });
        return rows;
    }

    private static JsonNode withoutPersonalDataState(JsonNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove("personalData");
        return copy;
    }

    private static void replayEveryProjection(Api admin) {
        for (String projection : List.of("cases", "deadlines", "audit", "dst")) {
            Api.Response started = admin.post("/admin/replays/" + projection, "");
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
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
}
