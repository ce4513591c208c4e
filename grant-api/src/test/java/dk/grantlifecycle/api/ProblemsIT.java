package dk.grantlifecycle.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx as problem+json naming field and rule, and nothing of a refused command is stored. */
class ProblemsIT extends ApiIT {

    private static final String VALID = """
            {"citizen": {"cpr": "010190-1234"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""";

    private void assertProblem(Api.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.body().path("field").asText()).isEqualTo(field);
        }
        if (rule != null) {
            assertThat(r.body().path("rule").asText()).isEqualTo(rule);
        }
    }

    @Test
    void malformedInputIs400AndStoresNothing() {
        int before = totalEvents();
        assertProblem(api.postWithout("/applications", VALID), 401, "Authorization", null);
        assertProblem(api.post("/applications", VALID.replace("010190-1234", "320190-1234")), 400, "citizen.cpr", "CPR-VALID");
        assertProblem(api.post("/applications", VALID.replace("\"paragraph\"", "\"paragraf\"")), 400, "paragraf", null);
        assertProblem(api.post("/applications", VALID.replace("SEL85", "SEL999")), 400, "paragraph", null);
        assertProblem(api.post("/applications", VALID.replace("lejre\",", "lejre\", \"receivedOn\": \"2099-01-01\",")), 400,
                "receivedOn", null);
        assertProblem(api.post("/applications", "{\"citizen\": "), 400, null, null);
        assertProblem(api.post("/applications", VALID.replace("\"services\": [{\"code\": \"MADLAVNING\", \"themes\": [\"PRACTICAL_TASKS\"]}]",
                "\"services\": []")), 400, "services", null);
        Api roskilde = new Api(port, "cw-roskilde", "roskilde", java.util.List.of("caseworker"));
        assertProblem(roskilde.post("/applications", VALID.replace("lejre", "roskilde")), 422, "municipality", "RULESET");
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void unknownCasesAre404AndBadIdsAre400() {
        assertProblem(api.get("/cases/00000000-0000-0000-0000-000000000000"), 404, null, null);
        assertProblem(api.post("/grants/00000000-0000-0000-0000-000000000000/start", "{}"), 404, null, null);
        assertProblem(api.get("/cases/x"), 400, "applicationId", null);
    }

    @Test
    void outOfRangeAssessmentIsRefused() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234");
        String assessment = api.post("/applications/" + w.applicationId + "/assessments", "{}").text("id");
        int before = eventsOf(assessment);
        assertProblem(api.post("/assessments/" + assessment + "/completion",
                "{\"scores\": {\"PRACTICAL_TASKS\": 7}, \"evidence\": [], \"madeWithCitizen\": true}"), 400,
                "scores.PRACTICAL_TASKS", "VUM-SCALE");
        assertProblem(api.post("/assessments/" + assessment + "/completion",
                "{\"scores\": {\"COOKING\": 2}, \"evidence\": [], \"madeWithCitizen\": true}"), 422, "scores.COOKING", "VUM-THEMES");
        assertThat(eventsOf(assessment)).isEqualTo(before);
    }

    @Test
    void aRefusedDecisionNamesTheRuleAndStoresNothing() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(1);
        int before = eventsOf(w.applicationId);
        Api.Response r = api.post("/applications/" + w.applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["x"], "lessIntrusiveConsidered": ["y"]}}]}""");
        assertProblem(r, 422, "outcomes[0]", "SEL85-TARGET");
        assertThat(eventsOf(w.applicationId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_data IS NULL", Integer.class)).isZero();
    }

    @Test
    void concurrentDecisionsOnOneCaseLetExactlyOneThrough() {
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2);
        String decision = """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["x"], "lessIntrusiveConsidered": ["y"]}}]}""";
        List<Integer> statuses = Scenarios.concurrently(java.util.stream.IntStream.range(0, 4)
                        .<java.util.function.Supplier<Api.Response>>mapToObj(i -> () -> new Api(port, "cw-" + i)
                                .post("/applications/" + w.applicationId + "/decision", decision)).toList())
                .stream().map(Api.Response::status).toList();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%ApplicationDecided'",
                Integer.class, w.applicationId)).isEqualTo(1);
    }

    @Test
    void theSimulationClockOnlyMovesForward() {
        assertProblem(api.put("/simulation/clock", "{\"instant\": \"2020-01-01T00:00:00Z\"}"), 400, "instant", null);
        assertProblem(api.post("/simulation/clock/advance", "{\"by\": \"yesterday\"}"), 400, "by", null);
    }
}
