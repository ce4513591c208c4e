package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The supervisors' deadline queue through the API as the clock moves, from Monday 4 January 2027. */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-01-04T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class DeadlineQueueIT extends QuerySideBase {

    @Test
    @DisplayName("CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER: queue rows, statuses as the clock moves, filters, sorting, pages and counts")
    void deadlineQueue() {
        Api api = api("cw-anna");
        String a1 = receive(api, "lejre", "team-nord", false);
        Api aabenraaStaff = new Api(port, "cw-aabenraa", "aabenraa", java.util.List.of("caseworker", "supervisor"));
        String a2 = receive(aabenraaStaff, "aabenraa", "team-syd", false);
        String a3 = receive(api, "lejre", "team-nord", true);
        api.post("/applications/" + a1 + "/caseworker", "{\"team\": \"team-nord\", \"caseworker\": \"cw-anna\"}");
        api.post("/applications/" + a3 + "/caseworker", "{\"caseworker\": \"cw-bo\"}");

        JsonNode acute = only(queue("team=team-nord&status=DUE_TODAY"));
        assertThat(acute.path("ruleId").asText()).as("CASE-ACUTE: in the queue at once").isEqualTo("CASE-ACUTE");
        assertThat(acute.path("caseId").asText()).isEqualTo(a3);
        assertThat(acute.path("caseworker").asText()).isEqualTo("cw-bo");
        JsonNode counts = queue("team=team-nord").path("counts");
        assertThat(counts.path("DUE_TODAY").asInt()).isEqualTo(1);
        assertThat(counts.path("UPCOMING").asInt()).isEqualTo(2);
        // Each municipality's supervisors see their own queue only, whatever the parameters say.
        assertThat(queue("municipality=aabenraa").path("total").asInt()).isZero();
        JsonNode aabenraa = only(aabenraaStaff.get("/deadlines?municipality=aabenraa&kind=CASE_PROCESSING").body());
        assertThat(aabenraa.path("dueOn").asText()).as("CASE-DEADLINE: 2 months").isEqualTo("2027-03-04");
        assertThat(aabenraa.path("team").asText()).isEqualTo("team-syd");
        assertThat(aabenraa.path("paragraph").asText()).isEqualTo("SEL85");

        JsonNode byDueDesc = queue("rule=CASE-DEADLINE&sort=dueOn&direction=desc&size=1&page=0");
        assertThat(byDueDesc.path("total").asInt()).as("Lejre's two; Aabenraa's is not theirs").isEqualTo(2);
        assertThat(aabenraaStaff.get("/deadlines?rule=CASE-DEADLINE").body().path("items").get(0).path("caseId").asText()).isEqualTo(a2);
        JsonNode secondPage = queue("rule=CASE-DEADLINE&sort=dueOn&direction=desc&size=1&page=1");
        assertThat(secondPage.path("items").get(0).path("dueOn").asText()).isEqualTo("2027-02-08");
        assertThat(queue("dueFrom=2027-02-01&dueTo=2027-02-28").path("total").asInt()).isEqualTo(2);
        assertThat(queue("caseworker=cw-anna").path("total").asInt()).isEqualTo(1);

        advanceTo(api, "2027-02-08");
        JsonNode dueToday = queue("team=team-nord&status=DUE_TODAY&sort=case");
        assertThat(dueToday.path("items")).hasSize(2).allSatisfy(r -> assertThat(r.path("prompt").path("rule").asText())
                .as("CASE-DEADLINE-LETTER prompt").startsWith("CASE-DEADLINE-LETTER"));

        advanceTo(api, "2027-02-09");
        JsonNode overdue = queue("team=team-nord&status=OVERDUE&sort=rule");
        assertThat(overdue.path("items")).extracting(r -> r.path("ruleId").asText())
                .containsExactly("CASE-ACUTE", "CASE-DEADLINE", "CASE-DEADLINE");
        assertThat(overdue.path("counts").path("OVERDUE").asInt()).isEqualTo(3);
        assertThat(overdue.path("total").asInt()).as("the total counts the statuses asked for").isEqualTo(3);
        JsonNode twoStatuses = queue("team=team-nord&status=OVERDUE&status=UPCOMING");
        assertThat(twoStatuses.path("total").asInt()).isEqualTo(twoStatuses.path("items").size())
                .isEqualTo(twoStatuses.path("counts").path("OVERDUE").asInt() + twoStatuses.path("counts").path("UPCOMING").asInt());

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
}
