package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dk.grantlifecycle.domain.upcasting.EventJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PII-NOT-IN-CLEAR on Kafka: the allow-lists cover every event type and publish no personal data or free text. */
class KafkaAllowListsTest {

    private final AllowLists allowLists = AllowLists.load();

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: every event type has an allow-list (a new event type without one fails here)")
    void everyEventTypeHasAnAllowList() {
        List<String> missing = EventCatalogue.eventTypes().stream().filter(t -> !allowLists.covers(t)).map(Class::getSimpleName)
                .toList();
        assertThat(missing).as("event types without a Kafka allow-list in " + AllowLists.RESOURCE).isEmpty();
        Set<String> known = EventCatalogue.eventTypes().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(allowLists.paths().keySet()).as("allow-lists of types that are no event").allMatch(known::contains);
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: an allow-list names only fields that exist, never the personal-data part, never uncleared text")
    void allowListsPublishNoPersonalDataOrFreeText() {
        List<String> problems = new ArrayList<>();
        Set<String> components = new TreeSet<>();
        for (Class<?> type : EventCatalogue.eventTypes()) {
            Map<String, List<EventCatalogue.Leaf>> leaves = EventCatalogue.leaves(type).stream()
                    .collect(Collectors.groupingBy(EventCatalogue.Leaf::path));
            EventCatalogue.leaves(type).forEach(l -> components.add(l.declaredBy()));
            for (String path : allowLists.paths().getOrDefault(type.getSimpleName(), List.of())) {
                List<EventCatalogue.Leaf> found = leaves.get(path);
                if (found == null) {
                    problems.add(type.getSimpleName() + ": " + path + " is no field (list leaf fields, not records)");
                    continue;
                }
                for (EventCatalogue.Leaf leaf : found) {
                    if (leaf.personal()) {
                        problems.add(type.getSimpleName() + ": " + path + " is personal data");
                    }
                    if (leaf.text() && !allowLists.clearedText().contains(leaf.declaredBy())) {
                        problems.add(type.getSimpleName() + ": " + path + " is text not cleared for publication (" + leaf.declaredBy() + ")");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(allowLists.clearedText()).as("cleared fields that do not exist").allMatch(components::contains);
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: the published part of an application keeps the pseudonymous citizen id and drops CPR, name and free text")
    void publishedPartOfAnApplication() throws Exception {
        Class<?> received = EventCatalogue.eventTypes().stream().filter(t -> t.getSimpleName().equals("ApplicationReceived"))
                .findFirst().orElseThrow();
        JsonNode json = EventJson.mapper().readTree("""
                {"applicationId": "app-1", "citizenId": "cit-12345678", "citizen": {"cpr": "0101901234", "name": "Test Borger"},
                 "municipality": "lejre", "services": [{"code": "MADLAVNING", "description": "hjælp til Test Borger", "themes": ["PRACTICAL_TASKS"]}],
                 "receivedOn": "2026-03-02"}""");
        JsonNode published = allowLists.publishedPart(received, json);
        assertThat(published.toString()).doesNotContain("0101901234", "Test Borger", "citizen\"", "description")
                .contains("cit-12345678", "MADLAVNING", "2026-03-02");
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: an event type without an allow-list is refused, not published in full")
    void typeWithoutAllowListIsRefused() {
        record NotAnEvent(String secret) {
        }
        assertThatThrownBy(() -> allowLists.publishedPart(NotAnEvent.class, EventJson.mapper().valueToTree(new NotAnEvent("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Kafka allow-list");
    }
}
