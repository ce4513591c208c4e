package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dk.grantlifecycle.api.Scenarios.advanceTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor reads back through GET /cases/{id}/audit, in JSON and CSV: each event's data
 * (a decision's reasons and rule IDs, the source months of a § 97 companion-hours use), with the
 * citizen's personal data withheld. Own clock: the § 97 hours need a month to pass.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.simulation.start=2027-09-01T08:00:00Z",
                "grants.embedded-postgres.data-directory="})
class AuditContentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPR = "010190-1234";
    private static final String NAME = "Test Borger";

    @LocalServerPort
    int port;

    @Test
    @DisplayName("SEL97-SAVE-90H, DECISION-CONTENT: the trail shows each event's data (reasons, rule IDs, hours' source months) "
            + "in JSON and CSV, personal data withheld")
    void auditTrailShowsEventData() throws Exception {
        Api api = new Api(port, "cw-anna");
        Api.Response received = api.post("/applications", """
                {"citizen": {"cpr": "%s", "name": "%s"}, "municipality": "lejre", "paragraph": "SEL97",
                 "services": [{"code": "LEDSAGER", "description": "Ledsagelse", "themes": ["MOBILITY"]}]}""".formatted(CPR, NAME));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        String id = received.text("id");
        Api.Response decided = api.postAs("/applications/" + id + "/decision", """
                {"facts": ["CANNOT_MOVE_ABOUT_ALONE"],
                 "outcomes": [{"serviceCode": "LEDSAGER", "outcome": "GRANTED", "terms": {"goals": ["goes to the library"]}}],
                 "content": {"legalRules": "Serviceloven § 97", "discretion": "cannot go out alone, 15 hours a month by law",
                             "facts": "walks only with support", "complaintGuidance": {"where": "Lejre Kommune", "how": "in writing"}}}""",
                "guardian-9", "=HYPERLINK(\"http://x\",\"a, b\")");
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(201);
        String grant = decided.body().path("grants").get(0).path("grantId").asText();
        assertThat(api.post("/grants/" + grant + "/start", "{\"startedOn\": \"2027-09-01\"}").status()).isEqualTo(204);
        advanceTo(api, "2027-10-15");
        Api.Response used = api.post("/grants/" + grant + "/hours", "{\"month\": \"2027-10\", \"hours\": 20}");
        assertThat(used.status()).as(used.body().toString()).isEqualTo(204);

        Api.Response trail = api.get("/cases/" + id + "/audit");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().toString()).as("PII-NOT-IN-CLEAR").doesNotContain(CPR, "010190", NAME);
        assertNoTreeAsBean(trail.body());

        JsonNode received0 = only(trail.body(), "ApplicationReceived").path("event");
        assertThat(received0.path("applicationId").asText()).isEqualTo(id);
        assertThat(received0.path("paragraph").asText()).isEqualTo("SEL97");
        assertThat(received0.has("citizen")).as("the @PersonalData part is withheld").isFalse();

        JsonNode decision = only(trail.body(), "ApplicationDecided");
        assertThat(decision.path("onBehalfOf").asText()).isEqualTo("guardian-9");
        assertDecision(decision.path("event"));
        assertThat(decision.path("ruleIds")).extracting(JsonNode::asText).contains("SEL97-TARGET");

        assertDraws(only(trail.body(), "CompanionHoursUsed").path("event"));

        String csv = api.getText("/cases/" + id + "/audit?format=csv");
        List<List<String>> rows = Csv.parse(csv);
        List<String> header = rows.get(0);
        assertThat(header).endsWith("eventId", "payload");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
        assertThat(csv).doesNotContain(CPR, "010190", NAME);
        List<String> decidedRow = row(rows, "ApplicationDecided");
        assertThat(decidedRow.get(header.indexOf("reason"))).as("a formula is defused").isEqualTo("'=HYPERLINK(\"http://x\",\"a, b\")");
        assertThat(decidedRow.get(header.indexOf("ruleIds"))).contains("SEL97-TARGET");
        assertDecision(JSON.readTree(decidedRow.get(header.indexOf("payload"))));
        assertDraws(JSON.readTree(row(rows, "CompanionHoursUsed").get(header.indexOf("payload"))));
        assertThat(JSON.readTree(row(rows, "ApplicationReceived").get(header.indexOf("payload"))).has("citizen")).isFalse();
    }

    private static void assertDecision(JsonNode event) {
        JsonNode content = event.path("content");
        assertThat(content.path("legalRules").asText()).isEqualTo("Serviceloven § 97");
        assertThat(content.path("discretion").asText()).isEqualTo("cannot go out alone, 15 hours a month by law");
        assertThat(content.path("facts").asText()).isEqualTo("walks only with support");
        assertThat(event.path("outcomes").get(0).path("grounds").path("ruleIds")).extracting(JsonNode::asText).contains("SEL97-TARGET");
        assertThat(event.path("ruleSetVersion").path("municipality").asText()).isEqualTo("lejre");
    }

    /** SEL97-SAVE-90H: 20 hours in October 2027 draw September's 15 first, then 5 of October's. */
    private static void assertDraws(JsonNode event) {
        assertThat(event.path("month").asText()).isEqualTo("2027-10");
        JsonNode draws = event.path("drawnFrom");
        assertThat(draws).hasSize(2);
        assertThat(draws.get(0).path("creditedIn").asText()).isEqualTo("2027-09");
        assertThat(draws.get(0).path("hours").decimalValue()).isEqualByComparingTo("15");
        assertThat(draws.get(1).path("creditedIn").asText()).isEqualTo("2027-10");
        assertThat(draws.get(1).path("hours").decimalValue()).isEqualByComparingTo("5");
    }

    private static JsonNode only(JsonNode trail, String eventType) {
        List<JsonNode> found = new ArrayList<>();
        trail.forEach(e -> {
            if (e.path("eventType").asText().equals(eventType)) {
                found.add(e);
            }
        });
        assertThat(found).as(eventType).hasSize(1);
        return found.get(0);
    }

    private static List<String> row(List<List<String>> rows, String eventType) {
        int type = rows.get(0).indexOf("eventType");
        return rows.stream().filter(r -> r.get(type).equals(eventType)).findFirst().orElseThrow();
    }

    /** A Jackson 2 tree written as a bean shows its getters: the defect this guards against. */
    static void assertNoTreeAsBean(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(field.getKey()).as("a JSON tree serialized as a bean: " + node)
                        .isNotIn("array", "bigDecimal", "bigInteger", "nodeType", "containerNode", "missingNode", "valueNode",
                                "pojo", "textual", "floatingPointNumber");
                assertNoTreeAsBean(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(AuditContentIT::assertNoTreeAsBean);
        }
    }

    /** RFC 4180 reading, to check the export's quoting rather than search its text. */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            assertThat(quoted).as("an unterminated quoted field").isFalse();
            assertThat(cell.length() == 0 && row.isEmpty()).as("every row ends with CRLF").isTrue();
            return rows;
        }
    }
}
