package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static dk.grantlifecycle.api.Scenarios.CONTENT;
import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caseworker reads of a grant line through the API: the § 97 hour account with its balance,
 * credits, expiry months and what each use drew from, and a rejection's reason and referral to open
 * offers. The clock starts Monday 16 August 2027.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-08-16T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
@DirtiesContext
class CaseworkerViewsIT extends QuerySideBase {

    @Test
    @DisplayName("SEL97-SAVE-90H: in October 2027, after 20 hours used, the grant and case views show 10 hours left of October's "
            + "credit, usable to March 2028; the use drew September's 15 and 5 of October's. SEL85-TARGET: a rejection shows its "
            + "reason and the open offers it refers to. TEMPORARY-FIRST: a grant valid until Friday 29 October 2027 is prompted for "
            + "extension and has ended when Saturday 30 October begins")
    void caseworkerViews() {
        Api api = api("cw-anna");
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL97",
                 "services": [{"code": "LEDSAGER", "description": "Ledsagelse", "themes": ["MOBILITY"]}]}""");
        String id = received.text("id");
        Api.Response decided = api.post("/applications/" + id + "/decision", """
                {"facts": ["CANNOT_MOVE_ABOUT_ALONE"],
                 "outcomes": [{"serviceCode": "LEDSAGER", "outcome": "GRANTED", "terms": {"goals": ["goes to the library"]}}],
                 "content": %s}""".formatted(CONTENT));
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        advanceTo(api, "2027-09-01");
        assertThat(api.post("/grants/" + grant + "/start", "{}").status()).isEqualTo(204);
        advanceTo(api, "2027-10-15");
        assertThat(api.post("/grants/" + grant + "/hours", "{\"month\": \"2027-10\", \"hours\": 20}").status()).isEqualTo(204);

        JsonNode account = api.get("/grants/" + grant).body().path("hourAccount");
        assertThat(account.path("asOf").asText()).isEqualTo("2027-10");
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("10");
        assertThat(account.path("saveCap").asInt()).isEqualTo(90);
        assertThat(account.path("credits")).hasSize(1);
        assertThat(account.path("credits").get(0).path("creditedIn").asText()).isEqualTo("2027-10");
        assertThat(account.path("credits").get(0).path("lastMonth").asText()).isEqualTo("2028-03");
        JsonNode use = account.path("uses").get(0);
        assertThat(use.path("drawnFrom").get(0).path("creditedIn").asText()).isEqualTo("2027-09");
        assertThat(use.path("drawnFrom").get(0).path("hours").decimalValue()).isEqualByComparingTo("15");
        assertThat(use.path("drawnFrom").get(1).path("hours").decimalValue()).isEqualByComparingTo("5");
        assertThat(api.get("/cases/" + id).body().path("grants").get(0).path("hourAccount").path("balance").decimalValue())
                .isEqualByComparingTo("10");

        String rejected = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, rejected).assess(1);
        Api.Response refusal = api.post("/applications/" + rejected + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "REJECTED", "reason": "level 1: managing with little help",
                               "ruleIds": ["SEL85-TARGET"]}], "content": %s}""".formatted(CONTENT));
        assertThat(refusal.status()).as(refusal.body().toString()).isEqualTo(201);
        JsonNode line = api.get("/cases/" + rejected).body().path("grants").get(0);
        assertThat(line.path("reason").asText()).isEqualTo("level 1: managing with little help");
        assertThat(line.path("referral")).extracting(JsonNode::asText).containsExactly("værested", "rådgivning", "frivillige grupper");
        assertThat(line.path("hourAccount").isNull()).as("a § 85 grant keeps no hour account").isTrue();

        String limited = receive(api, "lejre", "team-nord", false);
        Workflow.of(api, limited).assess(2);
        String shortGrant = api.post("/applications/" + limited + "/decision", """
                {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED", "terms": {"goals": ["cooks"],
                  "lessIntrusiveConsidered": ["drop-in centre"], "validUntil": "2027-10-29"}}], "content": %s}"""
                .formatted(CONTENT)).body().path("grants").get(0).path("grantId").asText();
        JsonNode period = api.get("/deadlines?case=" + limited + "&kind=GRANT_PERIOD_END").body().path("items").get(0);
        assertThat(period.path("dueOn").asText()).isEqualTo("2027-10-29");
        assertThat(period.path("prompt").path("rule").asText()).as("TEMPORARY-FIRST: extend by decision or let it end").isEqualTo("TEMPORARY-FIRST");
        advanceTo(api, "2027-10-30");
        JsonNode ended = Workflow.of(api, limited).awaitCase(c -> "ENDED".equals(c.path("grants").get(0).path("status").asText()));
        assertThat(ended.path("grants").get(0).path("endsOn").asText()).isEqualTo("2027-10-29");
        assertThat(ended.path("grants").get(0).path("endReason").asText()).isEqualTo("PERIOD_ENDED");
        assertThat(api.get("/grants/" + shortGrant).body().path("status").asText()).isEqualTo("ENDED");
    }
}
