package dk.grantlifecycle.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that exclude each other are decided on what the command side knows of the citizen,
 * written with the events: a decision is refused even when every read model and the case process
 * are stopped and have seen none of the citizen's earlier decision.
 */
class ExclusionIT extends ApiIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @DisplayName("EXCL-BPA-97: a § 97 companion scheme is refused to a citizen just granted BPA, with the read models paused")
    void companionSchemeRefusedBesideBpaWithReadModelsPaused() {
        String cpr = "030385-3456";
        String bpa = api.post("/applications", """
                {"citizen": {"cpr": "%s"}, "municipality": "lejre", "paragraph": "SEL96",
                 "services": [{"code": "BPA", "description": "Borgerstyret personlig assistance", "themes": ["SELF_CARE"]}]}"""
                .formatted(cpr)).text("id");
        String companion = api.post("/applications", """
                {"citizen": {"cpr": "%s"}, "municipality": "lejre", "paragraph": "SEL97",
                 "services": [{"code": "LEDSAGER", "description": "Ledsagelse 15 timer om måneden", "themes": ["MOBILITY"]}]}"""
                .formatted(cpr)).text("id");

        List<EventProcessor> stopped = processing.eventProcessors().values().stream()
                .filter(p -> !p.getName().equals("citizen-grants")).toList();
        stopped.forEach(EventProcessor::shutDown);
        try {
            Api.Response bpaGranted = api.post("/applications/" + bpa + "/decision", """
                    {"outcomes": [{"serviceCode": "BPA", "outcome": "GRANTED", "terms": {"description": "BPA", "hoursPerWeek": 40}}],
                     "facts": ["SUBSTANTIAL_PERMANENT_IMPAIRMENT", "EXTENSIVE_COMPOSITE_NEED", "ABLE_TO_ACT_AS_WORK_LEADER"],
                     "content": %s}""".formatted(CONTENT));
            assertThat(bpaGranted.status()).as(bpaGranted.body().toString()).isEqualTo(201);
            int before = eventsOf(companion);

            Api.Response refused = api.post("/applications/" + companion + "/decision", """
                    {"outcomes": [{"serviceCode": "LEDSAGER", "outcome": "GRANTED", "terms": {"description": "ledsagelse"}}],
                     "facts": ["CANNOT_MOVE_ABOUT_ALONE"], "content": %s}""".formatted(CONTENT));

            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
            assertThat(refused.body().path("rule").asText()).isEqualTo("EXCL-BPA-97");
            assertThat(eventsOf(companion)).as("a refused decision stores nothing").isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM case_view WHERE application_id = ? AND decided_on IS NOT NULL",
                    Integer.class, bpa)).as("the read models never saw the BPA decision").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM grant_view WHERE case_id = ?", Integer.class, bpa))
                    .as("nor its grant line, which the paused case process has not even opened").isZero();
        } finally {
            stopped.forEach(EventProcessor::start);
        }
    }
}
