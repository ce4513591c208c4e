package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.LocalDate;
import java.util.List;
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
