package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenancy, the access log and what the logs never hold, on one service: a Lejre case, and callers
 * from Lejre and from Aabenraa.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-11-02T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TenancyIT {

    private static final List<String> CASE_ROLES = List.of("caseworker", "supervisor", "auditor", "system");
    private static final String CPR = "070391-4321";
    private static final String NAME = "Signe Testesen Kragh";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private Api lejre(String actor, String... roles) {
        return new Api(port, actor, "lejre", List.of(roles));
    }

    @Test
    @DisplayName("tenancy: every case endpoint (commands, reads, audit, as-of, export) on another municipality's case answers 404, is logged as a security event and changes nothing")
    void anotherMunicipalitysCaseIsNotThere(CapturedOutput output) throws Exception {
        Api cw = lejre("cw-lejre", "caseworker");
        Workflow w = new Workflow(cw).receive("lejre", "010190-1234").assess(2).grant();
        // Ids below the case's own: the case's id decides, whatever they are.
        String complaint = "00000000-0000-0000-0000-000000000001";
        String hearing = "00000000-0000-0000-0000-000000000002";

        String intruder = TestTokens.token("intruder-aabenraa", "aabenraa", CASE_ROLES);
        JsonNode document = new Api(port, "reader").get("/v3/api-docs").body();
        long events = count("domainevententry");
        long tasks = count("scheduled_tasks");
        long accessLogged = count("access_log");
        long securityEvents = securityEvents(output, "intruder-aabenraa");

        List<String> calls = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            String template = path.getKey();
            String id = template.startsWith("/assessments/{id}") ? w.assessmentId : template.startsWith("/grants/{id}") ? w.grantId
                    : template.startsWith("/applications/{id}") || template.startsWith("/cases/{id}") ? w.applicationId : null;
            if (id == null) {
                continue;
            }
            String target = template.replace("{id}", id).replace("{complaintId}", complaint).replace("{hearingId}", hearing)
                    .replace("{decisionId}", "00000000-0000-0000-0000-000000000003") + (template.endsWith("/as-of") ? "?at=2026-11-02" : "");
            for (String method : iterable(path.getValue()).stream().map(Map.Entry::getKey).toList()) {
                String m = method.toUpperCase(Locale.ROOT);
                HttpResponse<String> r = send(m, target, intruder, "{}");
                calls.add(m + " " + template);
                if (r.statusCode() != 404 || !r.body().contains("/problems/not-found")) {
                    wrong.add(m + " " + template + " answered " + r.statusCode() + " " + r.body());
                }
            }
        }
        // A well-formed command and the CSV export, too.
        HttpResponse<String> assign = send("POST", "/applications/" + w.applicationId + "/caseworker", intruder,
                "{\"team\": \"team-syd\", \"caseworker\": \"intruder-aabenraa\"}");
        HttpResponse<String> export = send("GET", "/cases/" + w.applicationId + "/audit?format=csv", intruder, null);
        HttpResponse<String> unknown = send("GET", "/cases/A-0000000000", intruder, null);
        assertThat(wrong).as("case endpoints that answered a foreign caller otherwise than 404").isEmpty();
        assertThat(calls).as("case endpoints of the document").hasSizeGreaterThanOrEqualTo(38);
        assertThat(assign.statusCode()).isEqualTo(404);
        assertThat(export.statusCode()).isEqualTo(404);
        assertThat(JsonFields.of(assign.body(), "type", "title", "status"))
                .as("a foreign case answers as an unknown one does").isEqualTo(JsonFields.of(unknown.body(), "type", "title", "status"));

        // DST reports of another municipality, the queue, a new application for another municipality.
        for (String[] dst : new String[][]{{"GET", "/reports/dst/lejre/2026-10/preview"}, {"GET", "/reports/dst/lejre/2026-10"},
                {"POST", "/reports/dst/lejre/2026-10"}}) {
            assertThat(send(dst[0], dst[1], intruder, null).statusCode()).as(dst[1]).isEqualTo(404);
        }
        JsonNode queue = new Api(port, "intruder-aabenraa", intruder).get("/deadlines?municipality=lejre").body();
        assertThat(queue.path("total").asInt()).as("the queue is scoped to the caller's municipality").isZero();
        assertThat(new Api(port, "intruder-aabenraa", intruder).get("/deadlines").body().path("total").asInt()).isZero();
        HttpResponse<String> foreignApplication = send("POST", "/applications", intruder, """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "team-nord"}""");
        assertThat(foreignApplication.statusCode()).isEqualTo(400);
        assertThat(foreignApplication.body()).contains("\"field\":\"municipality\"");

        assertThat(count("domainevententry")).as("no event stored").isEqualTo(events);
        assertThat(count("scheduled_tasks")).as("no deadline scheduled or cancelled").isEqualTo(tasks);
        assertThat(count("access_log")).as("nothing was read, so no look-up is logged").isEqualTo(accessLogged);
        assertThat(lejre("cw-lejre", "caseworker").get("/cases/" + w.applicationId).body().path("caseworker").asText())
                .isNotEqualTo("intruder-aabenraa");
        long logged = securityEvents(output, "intruder-aabenraa") - securityEvents;
        assertThat(logged).as("each attempt is logged as a security event")
                .isEqualTo(calls.size() + 2 /* assign, export */ + 3 /* DST */ + 1 /* queue */ + 1 /* application */);
    }

    @Test
    @DisplayName("ACCESS-LOG: every read of a case records who, when, which case, which endpoint and why; an auditor lists a case's or a citizen's look-ups for a period; the log is append-only")
    void readsAreLoggedAndAuditorsListThem() {
        Api cw = lejre("cw-reader", "caseworker");
        Workflow w = new Workflow(cw).receive("lejre", "010190-1234");
        String citizen = w.caseView().path("citizenId").asText();
        assertThat(citizen).isNotBlank();
        Api supervisor = lejre("sv-reader", "supervisor");
        Api auditor = lejre("au-reader", "auditor");

        assertThat(cw.get("/cases/" + w.applicationId, Map.of("X-Purpose", "partshoering forberedes")).status()).isEqualTo(200);
        assertThat(supervisor.get("/cases/" + w.applicationId + "/deadlines").status()).isEqualTo(200);
        assertThat(auditor.getText("/cases/" + w.applicationId + "/audit?format=csv")).contains("ApplicationReceived");
        assertThat(auditor.get("/cases/" + w.applicationId + "/as-of?at=2026-11-02").status()).isEqualTo(200);
        Api.Response badPurpose = cw.get("/cases/" + w.applicationId, Map.of("X-Purpose", "x".repeat(201)));
        assertThat(badPurpose.status()).isEqualTo(400);
        assertThat(badPurpose.text("field")).isEqualTo("X-Purpose");

        JsonNode byCase = auditor.get("/cases/" + w.applicationId + "/access-log?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z").body();
        List<String> lookUps = new ArrayList<>();
        byCase.forEach(e -> lookUps.add(e.path("actor").asText() + " " + e.path("endpoint").asText() + " " + e.path("purpose").asText()));
        assertThat(lookUps).contains(
                "cw-reader GET /cases/{id} partshoering forberedes",
                "cw-reader GET /cases/{id} case processing",
                "sv-reader GET /cases/{id}/deadlines supervision",
                "au-reader GET /cases/{id}/audit (csv export) audit",
                "au-reader GET /cases/{id}/as-of audit");
        assertThat(lookUps).as("the refused read served nothing and is not a look-up").noneMatch(l -> l.contains("xxxxxxxx"));
        byCase.forEach(e -> {
            assertThat(e.path("accessedAt").asText()).startsWith("2026-11-02T");
            assertThat(e.path("caseId").asText()).isEqualTo(w.applicationId);
            assertThat(e.path("citizenId").asText()).isEqualTo(citizen);
        });

        JsonNode byCitizen = auditor.get("/citizens/" + citizen + "/access-log?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z").body();
        assertThat(byCitizen.size()).as("a citizen's look-ups, by their pseudonymous id").isEqualTo(byCase.size());
        assertThat(auditor.get("/citizens/" + citizen + "/access-log?to=2026-11-01T00:00:00Z").body()).as("before the period").isEmpty();
        assertThat(new Api(port, "au-aabenraa", "aabenraa", List.of("auditor")).get("/citizens/" + citizen + "/access-log").body())
                .as("another municipality's auditor sees none of it").isEmpty();

        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET purpose = 'rewritten'")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE access_log")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR (logs): the logs of a full case run hold no CPR number, no citizen's name and no bearer token")
    void logsHoldNoPersonalDataOrTokens(CapturedOutput output) throws Exception {
        int from = output.getAll().length();
        Api cw = lejre("cw-logs", "caseworker", "supervisor", "auditor");
        String application = """
                {"citizen": {"cpr": "%s", "name": "%s"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
                 "source": {"channel": "PARTNER", "partner": "psykiatrien"}, "team": "team-nord"}""".formatted(CPR, NAME);
        Api.Response received = cw.post("/applications", application);
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        Workflow w = Workflow.of(cw, received.text("id"));
        w.awaitCase(c -> !c.isMissingNode());
        w.assess(2).grant();
        cw.post("/grants/" + w.grantId + "/complaints", "{\"form\": \"WRITTEN\", \"reason\": \"too few hours\"}");
        cw.post("/grants/" + w.grantId + "/start", "{}");
        cw.getText("/cases/" + w.applicationId + "/audit?format=csv");
        cw.get("/deadlines");
        // Refusals and security events log too: a bad CPR, a bad token, a foreign caller.
        cw.post("/applications", "{\"citizen\": {\"cpr\": \"320391-4321\", \"name\": \"" + NAME + "\"}, \"municipality\": \"lejre\"}");
        String expired = TestTokens.expired("cw-logs", "lejre", List.of("caseworker"));
        send("GET", "/cases/" + w.applicationId, expired, null);
        String foreign = TestTokens.token("cw-aabenraa", "aabenraa", List.of("caseworker"));
        send("GET", "/cases/" + w.applicationId, foreign, null);
        send("POST", "/applications", foreign, application);

        String logs = output.getAll().substring(from);
        assertThat(logs).as("the run logged something").contains("cross-municipality attempt refused");
        assertThat(Pattern.compile("\\b[0-3]\\d[01]\\d\\d{2}-?\\d{4}\\b").matcher(logs).results().map(r -> r.group()).toList())
                .as("CPR-shaped numbers in the logs").isEmpty();
        assertThat(logs).doesNotContain(CPR, CPR.replace("-", ""), "320391-4321", NAME, "Signe", "Kragh");
        assertThat(logs).doesNotContain(cw.token(), expired, foreign, "Bearer ey", "eyJ");
        assertThat(output.getAll()).doesNotContain("generated security password");
    }

    @Test
    @DisplayName("hardening: the embedded PostgreSQL wants its generated password and listens on loopback; security headers; no CORS unless configured; minimal actuator")
    void hardened() throws Exception {
        assertThat(jdbc.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("localhost");
        int pgPort = jdbc.queryForObject("SHOW port", Integer.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres"))
                .as("no password, no connection").isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres&password=postgres"))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password authentication failed");
        assertThat(jdbc.queryForList("SELECT DISTINCT auth_method FROM pg_hba_file_rules", String.class)).containsOnly("scram-sha-256");

        HttpResponse<String> read = send("GET", "/rulesets", TestTokens.token("admin", null, List.of("admin")), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(read.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(read.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(read.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/applications"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("CORS is off unless configured").isEmpty();

        Api homeless = new Api(port, "cw-nowhere", null, List.of("caseworker"));
        Api.Response noMunicipality = homeless.get("/cases/00000000-0000-0000-0000-000000000000");
        assertThat(noMunicipality.status()).as("a case role without a municipality").isEqualTo(403);
        assertThat(noMunicipality.isProblem()).isTrue();

        Api admin = new Api(port, "admin", null, List.of("admin"));
        assertThat(admin.get("/actuator/env").status()).isEqualTo(403);
        assertThat(admin.get("/actuator/info").status()).isEqualTo(403);
        assertThat(send("GET", "/actuator/prometheus", admin.token(), null).statusCode()).isEqualTo(200);
        Api.Response health = new Api(port, "probe", (String) null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().has("components")).as("health shows no details").isFalse();
    }

    private long securityEvents(CapturedOutput output, String actor) {
        return output.getAll().lines().filter(l -> l.contains("cross-municipality attempt refused: actor=" + actor + " ")).count();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private HttpResponse<String> send(String method, String target, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        node.fields().forEachRemaining(out::add);
        return out;
    }

    /** Selected fields of a JSON body, for comparing two answers. */
    private static final class JsonFields {
        static Map<String, String> of(String json, String... fields) throws Exception {
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            Map<String, String> out = new java.util.TreeMap<>();
            for (String f : fields) {
                out.put(f, n.path(f).asText());
            }
            return out;
        }
    }
}
