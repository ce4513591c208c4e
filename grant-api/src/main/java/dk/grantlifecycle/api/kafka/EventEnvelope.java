package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.api.config.AxonConfig;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.upcasting.EventJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A stored domain event as a CloudEvent (built by the CloudEvents SDK): {@code id} the Axon event
 * identifier, {@code type} {@code dk.grants.<Event>.v<revision>}, {@code subject} the case id (also
 * the record key), {@code time} the event's timestamp, {@code dataschema} the schema's name in the
 * AsyncAPI catalogue, and the audit facts as extensions ({@code actor}, {@code ruleids},
 * {@code rulesetversion}, {@code aggregatetype}, {@code aggregateid}). The data is the event's
 * allow-listed part only ({@link AllowLists}).
 */
public final class EventEnvelope {

    public static final String TYPE_PREFIX = "dk.grants.";
    public static final String SCHEMA_PREFIX = "urn:dk:grants:schema:";

    private static final ObjectMapper JSON = EventJson.mapper();

    private final AllowLists allowLists;
    private final URI source;

    public EventEnvelope(AllowLists allowLists, String source) {
        this.allowLists = allowLists;
        this.source = URI.create(source);
    }

    /** The stable, versioned CloudEvents type of an event class. */
    public static String typeOf(Class<?> eventType) {
        return TYPE_PREFIX + eventType.getSimpleName() + ".v" + revisionOf(eventType);
    }

    public static String schemaOf(Class<?> eventType) {
        return SCHEMA_PREFIX + eventType.getSimpleName() + ".v" + revisionOf(eventType);
    }

    public static String revisionOf(Class<?> eventType) {
        Revision r = eventType.getAnnotation(Revision.class);
        return r == null ? "1" : r.value();
    }

    /** The record key: the case, so all of a case's events land on one partition in store order. */
    public static String keyOf(Object payload) {
        if (payload instanceof CaseEvent e && e.caseId() != null) {
            return e.caseId().value();
        }
        throw new IllegalStateException("event " + payload.getClass().getName() + " names no case; it cannot be keyed");
    }

    public CloudEvent toCloudEvent(EventMessage<?> message) {
        Object payload = message.getPayload();
        Class<?> type = payload.getClass();
        JsonNode full = JSON.valueToTree(payload);
        byte[] data;
        try {
            data = JSON.writeValueAsBytes(allowLists.publishedPart(type, full));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the published part of " + type.getSimpleName(), e);
        }
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(typeOf(type))
                .withSource(source)
                .withSubject(keyOf(payload))
                .withTime(OffsetDateTime.ofInstant(message.getTimestamp(), ZoneOffset.UTC))
                .withDataSchema(URI.create(schemaOf(type)))
                .withDataContentType("application/json")
                .withData(data);
        Object actor = message.getMetaData().get(AxonConfig.ACTOR);
        if (actor != null) {
            event.withExtension("actor", actor.toString());
        }
        Set<String> rules = new LinkedHashSet<>();
        EventJson.collectRuleIds(full, rules);
        if (!rules.isEmpty()) {
            event.withExtension("ruleids", String.join(",", rules));
        }
        JsonNode version = full.findValue("ruleSetVersion");
        if (version != null && version.isObject()) {
            event.withExtension("rulesetversion", version.path("municipality").asText() + "@"
                    + (version.path("adopted").isNull() ? "none" : version.path("adopted").asText()) + "+law@"
                    + version.path("law").asText());
        }
        if (message instanceof DomainEventMessage<?> domain) {
            event.withExtension("aggregatetype", domain.getType());
            event.withExtension("aggregateid", domain.getAggregateIdentifier());
        }
        return event.build();
    }
}
