package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches which endpoint: every operation of the OpenAPI document, for every role and for
 * every way a token can be wrong, against {@link #MATRIX}, the one table of expected answers.
 * The callers are single-role users of Lejre (admin: no municipality), calling on a Lejre case.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2026-11-02T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class RoleMatrixIT {

    /** The columns of {@link #MATRIX}. */
    private static final List<String> CALLERS = List.of("caseworker", "supervisor", "auditor", "admin", "system",
            "no-token", "expired", "bad-signature", "wrong-issuer", "wrong-audience");

    /**
     * Expected answer per endpoint and caller. {@code ok}: the call passes authentication,
     * authorization and tenancy, so the endpoint itself answers (its status depends on the minimal
     * request the matrix sends: 2xx, or a 4xx of its own such as 400 for an empty body, never 401,
     * 403 or 5xx). {@code 401}: not authenticated (problem+json, WWW-Authenticate: Bearer).
     * {@code 403}: the role may not (problem+json). Rows below the marker are not in the OpenAPI document.
     */
    private static final String MATRIX = """
            endpoint                                                  | caseworker supervisor auditor admin system | no-token expired bad-signature wrong-issuer wrong-audience
            POST /applications                                        | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/caseworker                        | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/referral                          | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/withdrawal                        | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/acute-support                     | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/assessments                       | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/decision                          | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/delay-letter                      | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/hearings                          | ok  403 403 403 ok  | 401 401 401 401 401
            POST /applications/{id}/hearings/{hearingId}/answer       | ok  403 403 403 ok  | 401 401 401 401 401
            POST /assessments/{id}/completion                         | ok  403 403 403 ok  | 401 401 401 401 401
            POST /outreach                                            | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/action-plan/offer                       | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/action-plan/answer                      | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/provider                                | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/start                                   | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/scope-increase                          | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/scope-reduction                         | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/termination                             | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/hours                                   | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/hours/moves                             | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/companion-expenses                      | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/holiday-support                         | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/own-payment                             | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/transport                               | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/follow-ups/completion                   | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/follow-ups/cancellations                | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/written-decision                        | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/decisions/{decisionId}/receipt          | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/complaints                              | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/complaints/{complaintId}/reconsideration | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/complaints/{complaintId}/appeal-decision | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/complaints/{complaintId}/suspension     | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/hearings                                | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/hearings/{hearingId}/answer             | ok  403 403 403 ok  | 401 401 401 401 401
            POST /grants/{id}/shelter-notifications                   | ok  403 403 403 ok  | 401 401 401 401 401
            GET /cases/{id}                                           | ok  ok  ok  403 403 | 401 401 401 401 401
            GET /cases/{id}/deadlines                                 | ok  ok  ok  403 403 | 401 401 401 401 401
            GET /cases/{id}/citizen                                   | ok  403 ok  403 403 | 401 401 401 401 401
            GET /grants/{id}                                          | ok  ok  ok  403 403 | 401 401 401 401 401
            GET /grants/{id}/complaints                               | ok  ok  ok  403 403 | 401 401 401 401 401
            GET /cases/{id}/audit                                     | 403 403 ok  403 403 | 401 401 401 401 401
            GET /cases/{id}/as-of                                     | 403 403 ok  403 403 | 401 401 401 401 401
            GET /cases/{id}/access-log                                | 403 403 ok  403 403 | 401 401 401 401 401
            GET /citizens/{citizenId}/access-log                      | 403 403 ok  403 403 | 401 401 401 401 401
            GET /deadlines                                            | 403 ok  403 403 403 | 401 401 401 401 401
            GET /reports/dst/{municipality}/{month}/preview           | 403 ok  403 403 403 | 401 401 401 401 401
            GET /reports/dst/{municipality}/{month}                   | 403 ok  403 403 403 | 401 401 401 401 401
            POST /reports/dst/{municipality}/{month}                  | 403 ok  403 403 403 | 401 401 401 401 401
            GET /rulesets                                             | 403 403 403 ok  403 | 401 401 401 401 401
            GET /rulesets/{municipality}/{paragraph}                  | 403 403 403 ok  403 | 401 401 401 401 401
            GET /simulation/clock                                     | 403 403 403 ok  403 | 401 401 401 401 401
            PUT /simulation/clock                                     | 403 403 403 ok  403 | 401 401 401 401 401
            POST /simulation/clock/advance                            | 403 403 403 ok  403 | 401 401 401 401 401
            GET /admin/dead-letters                                   | 403 403 403 ok  403 | 401 401 401 401 401
            POST /admin/dead-letters/{processingGroup}/retry          | 403 403 403 ok  403 | 401 401 401 401 401
            GET /admin/replays                                        | 403 403 403 ok  403 | 401 401 401 401 401
            GET /admin/replays/{projection}                           | 403 403 403 ok  403 | 401 401 401 401 401
            POST /admin/replays/{projection}                          | 403 403 403 ok  403 | 401 401 401 401 401
            POST /admin/cases/{id}/citizen-erasure                    | 403 403 403 ok  403 | 401 401 401 401 401
            -- not in the OpenAPI document
            GET /actuator/health                                      | ok  ok  ok  ok  ok  | ok  401 401 401 401
            GET /actuator/health/readiness                            | ok  ok  ok  ok  ok  | ok  401 401 401 401
            GET /actuator/prometheus                                  | 403 403 403 ok  403 | 401 401 401 401 401
            GET /actuator/metrics                                     | 403 403 403 ok  403 | 401 401 401 401 401
            GET /actuator/info                                        | 403 403 403 403 403 | 401 401 401 401 401
            GET /actuator/env                                         | 403 403 403 403 403 | 401 401 401 401 401
            GET /v3/api-docs                                          | ok  ok  ok  ok  ok  | ok  401 401 401 401
            GET /asyncapi.yaml                                        | ok  ok  ok  ok  ok  | ok  401 401 401 401
            POST /dev/token                                           | 403 403 403 403 403 | 401 401 401 401 401
            """;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("role × endpoint matrix: every operation of the OpenAPI document, every role, no token and four kinds of bad token")
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        Map<String, Map<String, String>> table = parse();
        JsonNode document = new Api(port, "reader").get("/v3/api-docs").body();
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        Set<String> inTable = new TreeSet<>(table.keySet());
        inTable.removeIf(e -> !DOCUMENTED.contains(e));
        assertThat(inTable).as("the table covers exactly the operations of the OpenAPI document").isEqualTo(documented);

        Map<String, String> values = setUpLejreCase();
        Map<String, String> tokens = tokens();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
            String[] endpoint = row.getKey().split(" ", 2);
            String target = fill(endpoint[1], values);
            for (String caller : CALLERS) {
                String expected = row.getValue().get(caller);
                HttpResponse<String> r = send(endpoint[0], target, tokens.get(caller));
                cells++;
                String problem = judge(expected, r);
                if (problem != null) {
                    wrong.add(row.getKey() + " as " + caller + ": expected " + expected + ", " + problem);
                }
            }
        }
        System.out.println("[role-matrix] " + cells + " cells checked, " + documented.size() + " documented operations");
        assertThat(wrong).as("cells that disagree with the table").isEmpty();
    }

    private static final Set<String> DOCUMENTED = new TreeSet<>();

    private static Map<String, Map<String, String>> parse() {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        boolean inDocument = true;
        for (String line : MATRIX.strip().lines().skip(1).toList()) {
            if (line.startsWith("--")) {
                inDocument = false;
                continue;
            }
            String[] parts = line.split("\\|");
            String endpoint = parts[0].trim();
            List<String> cells = new ArrayList<>(List.of(parts[1].trim().split("\\s+")));
            cells.addAll(List.of(parts[2].trim().split("\\s+")));
            assertThat(cells).as(endpoint).hasSize(CALLERS.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                row.put(CALLERS.get(i), cells.get(i));
            }
            table.put(endpoint, row);
            if (inDocument) {
                DOCUMENTED.add(endpoint);
            }
        }
        return table;
    }

    private static String judge(String expected, HttpResponse<String> r) {
        int status = r.statusCode();
        String answered = "answered " + status + " " + abbreviate(r.body());
        switch (expected) {
            case "ok" -> {
                return status == 401 || status == 403 || status >= 500 ? answered : null;
            }
            case "401" -> {
                if (status != 401) {
                    return answered;
                }
                if (!r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    return "401 without WWW-Authenticate: Bearer";
                }
                return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json") ? null
                        : "401 not as problem+json";
            }
            case "403" -> {
                if (status != 403) {
                    return answered;
                }
                return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json") ? null
                        : "403 not as problem+json";
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    private static Map<String, String> tokens() {
        List<String> caseworker = List.of("caseworker");
        Map<String, String> t = new LinkedHashMap<>();
        t.put("caseworker", TestTokens.token("caseworker-lejre", "lejre", caseworker));
        t.put("supervisor", TestTokens.token("supervisor-lejre", "lejre", List.of("supervisor")));
        t.put("auditor", TestTokens.token("auditor-lejre", "lejre", List.of("auditor")));
        t.put("admin", TestTokens.token("admin", null, List.of("admin")));
        t.put("system", TestTokens.token("kombit-integration", "lejre", List.of("system")));
        t.put("no-token", null);
        t.put("expired", TestTokens.expired("caseworker-lejre", "lejre", caseworker));
        t.put("bad-signature", TestTokens.badSignature("caseworker-lejre", "lejre", caseworker));
        t.put("wrong-issuer", TestTokens.wrongIssuer("caseworker-lejre", "lejre", caseworker));
        t.put("wrong-audience", TestTokens.wrongAudience("caseworker-lejre", "lejre", caseworker));
        return t;
    }

    /** A Lejre case with a grant, a complaint and a hearing, so the ids in the paths are real. */
    private Map<String, String> setUpLejreCase() {
        Api cw = new Api(port, "cw-matrix", "lejre", List.of("caseworker", "supervisor"));
        Workflow w = new Workflow(cw).receive("lejre", "010190-1234").assess(2).grant();
        Api.Response complaint = cw.post("/grants/" + w.grantId + "/complaints", "{\"form\": \"WRITTEN\", \"reason\": \"too few hours\"}");
        Api.Response hearing = cw.post("/grants/" + w.grantId + "/hearings", "{\"facts\": \"f\"}");
        JsonNode grant = cw.get("/grants/" + w.grantId).body();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("{id}", w.applicationId);
        v.put("{application}", w.applicationId);
        v.put("{assessment}", w.assessmentId);
        v.put("{grant}", w.grantId);
        v.put("{complaintId}", orDummy(complaint.text("id"), 1));
        v.put("{hearingId}", orDummy(hearing.text("id"), 2));
        v.put("{decisionId}", orDummy(grant.path("decisionId").asText(""), 3));
        v.put("{citizenId}", orDummy(w.caseView().path("citizenId").asText(""), 4));
        v.put("{municipality}", "lejre");
        v.put("{month}", "2026-10");
        v.put("{paragraph}", "SEL85");
        v.put("{projection}", "cases");
        v.put("{processingGroup}", "cases");
        return v;
    }

    private static String orDummy(String id, int n) {
        return id == null || id.isBlank() ? "00000000-0000-0000-0000-00000000000" + n : id;
    }

    private static String fill(String template, Map<String, String> v) {
        String id = template.startsWith("/assessments/") ? v.get("{assessment}")
                : template.startsWith("/grants/") ? v.get("{grant}") : v.get("{application}");
        String out = template.replace("{id}", id);
        for (Map.Entry<String, String> e : v.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out + (template.endsWith("/as-of") ? "?at=2026-11-02" : "");
    }

    private HttpResponse<String> send(String method, String target, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
