package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers the scenario tests share: decision content, moving the simulated clock, finding a deadline. */
final class Scenarios {

    static final String CONTENT = """
            {"legalRules": "Serviceloven", "discretion": "the considerations", "facts": "the VUM assessment",
             "complaintGuidance": {"where": "Lejre Kommune, which sends it on to Ankestyrelsen", "how": "in writing or orally"}}""";

    private Scenarios() {
    }

    /**
     * A case holding one of every id the command endpoints take in their paths: an application
     * with a granted decision, its grant, a complaint and a hearing on it, and a second application
     * with a hearing and a started assessment; plus the simulated clock's {@code today}, {@code now}
     * and {@code lastMonth}.
     */
    static Map<String, String> caseWithEveryId(Api api) {
        Map<String, String> ids = new LinkedHashMap<>();
        Workflow w = new Workflow(api).receive("lejre", "010190-1234").assess(2);
        Api.Response decided = api.post("/applications/" + w.applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                  "terms": {"goals": ["laver mad"], "lessIntrusiveConsidered": ["værested"]}}], "content": %s}"""
                .formatted(CONTENT));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        ids.put("application", w.applicationId);
        ids.put("grant", decided.body().path("grants").get(0).path("grantId").asText());
        ids.put("decision", decided.text("decisionId"));
        Api.Response complaint = api.post("/grants/" + ids.get("grant") + "/complaints",
                "{\"decisionId\": \"%s\", \"form\": \"ORAL\", \"summary\": \"too little\"}".formatted(ids.get("decision")));
        assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
        ids.put("complaint", complaint.text("id"));
        ids.put("grantHearing", api.post("/grants/" + ids.get("grant") + "/hearings", "{\"facts\": \"f\"}").text("id"));
        Workflow second = new Workflow(api).receive("lejre", "010190-1234");
        ids.put("secondApplication", second.applicationId);
        ids.put("applicationHearing", api.post("/applications/" + second.applicationId + "/hearings", "{\"facts\": \"f\"}").text("id"));
        ids.put("assessment", api.post("/applications/" + second.applicationId + "/assessments", "{}").text("id"));
        ids.forEach((k, v) -> assertThat(v).as(k).matches("[0-9a-f-]{36}"));
        JsonNode clock = api.get("/simulation/clock").body();
        ids.put("today", clock.path("today").asText());
        ids.put("now", clock.path("now").asText());
        ids.put("lastMonth", YearMonth.parse(ids.get("today").substring(0, 7)).minusMonths(1).toString());
        return ids;
    }

    /** Moves the simulated clock forward to the start of {@code date}'s day as the clock now stands. */
    static void advanceTo(Api api, String date) {
        LocalDate today = LocalDate.parse(api.get("/simulation/clock").text("today"));
        long days = LocalDate.parse(date).toEpochDay() - today.toEpochDay();
        assertThat(days).as("the clock only moves forward").isNotNegative();
        if (days > 0) {
            api.post("/simulation/clock/advance", "{\"by\": \"P%dD\"}".formatted(days));
        }
    }

    /** Runs the calls at the same moment from several threads and returns their answers. */
    static List<Api.Response> concurrently(List<Supplier<Api.Response>> calls) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> running = calls.stream().map(call -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return call.get();
        })).toList();
        go.countDown();
        return running.stream().map(CompletableFuture::join).toList();
    }

    static JsonNode deadline(JsonNode deadlines, String ruleId) {
        for (JsonNode d : deadlines) {
            if (d.path("ruleId").asText().equals(ruleId)) {
                return d;
            }
        }
        return MissingNode.getInstance();
    }
}
