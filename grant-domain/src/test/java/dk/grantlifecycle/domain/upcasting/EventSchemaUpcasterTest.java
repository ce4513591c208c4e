package dk.grantlifecycle.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.followup.FollowUpEvent.FollowUpCompleted;
import dk.grantlifecycle.domain.followup.FollowUpEvent.FollowUpScheduled;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored in the first schema (captured from the service before the schemas were made fit
 * to publish: one sample of every event type, and the streams of real case runs) are upcast and
 * read by today's event classes with unknown properties refused.
 */
class EventSchemaUpcasterTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();

    private record Stored(String aggregate, long sequence, String type, String revision, JsonNode payload) {
    }

    private static List<Stored> read(String resource) throws IOException {
        List<Stored> events = new ArrayList<>();
        try (InputStream in = EventSchemaUpcasterTest.class.getResourceAsStream("/old-events/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                JsonNode payload = e.get("payload");
                String aggregate = e.hasNonNull("aggregateIdentifier") ? e.get("aggregateIdentifier").asText()
                        : payload.path(firstIdField(payload)).asText("sample-aggregate-1");
                events.add(new Stored(aggregate, e.path("sequenceNumber").asLong(0), e.get("payloadType").asText(),
                        e.get("payloadRevision").asText(), payload));
            }
        }
        return events;
    }

    private static String firstIdField(JsonNode payload) {
        return payload.fieldNames().next();
    }

    /** Upcasts and deserializes stored events the way the event store does. */
    private static List<Object> upcast(List<Stored> stored) {
        Map<String, JsonNode> openings = new HashMap<>();
        stored.stream().filter(s -> s.sequence() == 0).forEach(s -> openings.putIfAbsent(s.aggregate(), s.payload()));
        EventUpcasterChain chain = new EventUpcasterChain(new EventSchemaUpcaster(id -> Optional.ofNullable(openings.get(id))));
        List<IntermediateEventRepresentation> initial = stored.stream().map(s -> (IntermediateEventRepresentation)
                new InitialEventRepresentation(entry(s), SERIALIZER)).toList();
        return chain.upcast(initial.stream())
                .map(ir -> SERIALIZER.deserialize(ir.getData()))
                .toList();
    }

    private static DomainEventData<byte[]> entry(Stored s) {
        byte[] payload = s.payload().toString().getBytes(StandardCharsets.UTF_8);
        return new GenericDomainEventEntry<>("Aggregate", s.aggregate(), s.sequence(), "event-" + s.aggregate() + "-" + s.sequence(),
                "2025-09-01T08:00:00Z", s.type(), s.revision(), payload, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every event type stored in the first schema is read by today's event classes, none with an unknown property")
    void everyTypeOfTheFirstSchemaIsRead() throws IOException {
        List<Stored> samples = read("v1-samples.jsonl");
        List<Object> events = upcast(samples);
        assertThat(events).hasSize(65).doesNotContainNull();
        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(CaseEvent.class));
        assertThat(events).allSatisfy(e -> assertThat(((CaseEvent) e).caseId()).isNotNull());
    }

    @Test
    @DisplayName("a deadline stored as loose fields with a scheduler token reads as one deadline value, with its party")
    void looseDeadlineFieldsBecomeOneValue() throws IOException {
        List<Object> events = upcast(read("v1-stream-walkthrough.jsonl"));
        CaseProcessingDeadlineSet set = events.stream().filter(CaseProcessingDeadlineSet.class::isInstance)
                .map(CaseProcessingDeadlineSet.class::cast).findFirst().orElseThrow();
        assertThat(set.deadline().kind()).isEqualTo(DeadlineKind.CASE_PROCESSING);
        assertThat(set.deadline().party()).isEqualTo(Party.MUNICIPALITY);
        assertThat(set.deadline().id().value()).startsWith(set.applicationId().value() + "/case-processing/");
        ComplaintWindowOpened window = events.stream().filter(ComplaintWindowOpened.class::isInstance)
                .map(ComplaintWindowOpened.class::cast).findFirst().orElseThrow();
        assertThat(window.deadline().rule()).isEqualTo(RuleId.COMPLAINT_WINDOW);
        assertThat(window.deadline().party()).isEqualTo(Party.CITIZEN);
        assertThat(window.deadline().id().value()).isEqualTo(window.grantId() + "/complaint-window/" + window.decisionId());
    }

    @Test
    @DisplayName("grant and follow-up events that did not name their case take it from their aggregate's opening event")
    void caseComesFromTheOpeningEvent() throws IOException {
        List<Stored> stored = read("v1-stream-queryside.jsonl");
        List<Object> events = upcast(stored);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof FollowUpCompleted completed) {
                String followUp = stored.get(i).aggregate();
                String plannedFor = stored.stream().filter(s -> s.aggregate().equals(followUp) && s.sequence() == 0).findFirst()
                        .orElseThrow().payload().get("caseId").asText();
                assertThat(completed.caseId().value()).isEqualTo(plannedFor);
            }
        }
        assertThat(events).filteredOn(GrantEvent.class::isInstance).allSatisfy(e ->
                assertThat(((GrantEvent) e).caseId().value()).isNotEqualTo(((GrantEvent) e).grantId().value()));
    }

    @Test
    @DisplayName("a follow-up names the cadence that set it instead of its index in the plan")
    void cadenceByValue() throws IOException {
        List<Object> events = upcast(read("v1-stream-queryside.jsonl"));
        FollowUpScheduled scheduled = events.stream().filter(FollowUpScheduled.class::isInstance)
                .map(FollowUpScheduled.class::cast).findFirst().orElseThrow();
        assertThat(scheduled.cadence()).isNotNull();
        assertThat(scheduled.cadence().rule()).isEqualTo(scheduled.deadline().rule());
    }

    @Test
    @DisplayName("a decision's outcomes are read in their grouped shape with rules, reason and plan kept")
    void serviceDecisionGrouped() throws IOException {
        List<Object> events = upcast(read("v1-stream-walkthrough.jsonl"));
        ApplicationDecided decided = events.stream().filter(ApplicationDecided.class::isInstance)
                .map(ApplicationDecided.class::cast).findFirst().orElseThrow();
        assertThat(decided.outcomes()).allSatisfy(o -> {
            assertThat(o.service().code()).isNotBlank();
            assertThat(o.grounds()).isNotNull();
            assertThat(o.plan()).isNotNull();
        });
        ServiceGranted granted = events.stream().filter(ServiceGranted.class::isInstance).map(ServiceGranted.class::cast)
                .findFirst().orElseThrow();
        assertThat(granted.decision().plan().cadences()).isNotEmpty();
    }

    @Test
    @DisplayName("a hearing stored in the first schema names the aggregate that holds it")
    void hearingNamesItsAggregate() throws IOException {
        List<Stored> samples = read("v1-samples.jsonl");
        List<Object> events = upcast(samples);
        HearingRequested requested = events.stream().filter(HearingRequested.class::isInstance).map(HearingRequested.class::cast)
                .findFirst().orElseThrow();
        assertThat(requested.aggregateId()).isNotBlank();
        assertThat(requested.deadline().party()).isEqualTo(Party.CITIZEN);
        assertThat(requested.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    @DisplayName("a property the event class does not know is refused, not dropped")
    void unknownPropertyIsRefused() {
        SerializedObject<byte[]> renamed = new SimpleSerializedObject<>(
                "{\"grantId\":\"grant-00000001\",\"caseId\":\"application-0001\",\"offeredOnDate\":\"2025-09-01\"}"
                        .getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(GrantEvent.ActionPlanOffered.class.getName(), "2"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SERIALIZER.deserialize(renamed))
                .hasRootCauseInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class);
    }
}
