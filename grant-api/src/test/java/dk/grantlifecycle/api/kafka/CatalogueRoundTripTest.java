package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.api.config.AxonConfig;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.upcasting.EventJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type of the catalogue, filled in field by field, goes through the envelope, the CloudEvents
 * serializer (structured mode, as the publisher sends it) and the SDK's deserializer: it decodes, carries its
 * id, type, subject and schema, and its data holds exactly allow-listed fields and no CPR number.
 */
class CatalogueRoundTripTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: every event type in the catalogue round-trips through the CloudEvents SDK with only its allow-listed fields")
    void everyCatalogueTypeIsDecodable() throws Exception {
        AllowLists allowLists = AllowLists.load();
        EventEnvelope envelope = new EventEnvelope(allowLists, "urn:dk:grants:grant-lifecycle");
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED,
                CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
        CloudEventDeserializer deserializer = new CloudEventDeserializer();
        List<String> failures = new ArrayList<>();
        int decoded = 0;
        for (Class<?> type : EventCatalogue.eventTypes()) {
            Object payload;
            try {
                payload = JSON.treeToValue(sample(type), type);
            } catch (Exception e) {
                failures.add(type.getSimpleName() + ": no sample (" + e.getMessage() + ")");
                continue;
            }
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Grant", "agg-12345678", 3, payload,
                    MetaData.with(AxonConfig.ACTOR, "cw-anna").and(AxonConfig.ON_BEHALF_OF, "kirsten.kafkasen"),
                    "evt-" + type.getSimpleName(), Instant.parse("2026-03-02T09:00:00Z"));
            CloudEvent sent = envelope.toCloudEvent(message);
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize("grants.lifecycle.v1", headers, sent);
            CloudEvent received = deserializer.deserialize("grants.lifecycle.v1", headers, value);
            assertThat(received.getId()).isEqualTo("evt-" + type.getSimpleName());
            assertThat(received.getType()).isEqualTo(EventEnvelope.typeOf(type));
            assertThat(received.getSubject()).isEqualTo(EventEnvelope.keyOf(payload));
            assertThat(received.getDataSchema().toString()).isEqualTo(EventEnvelope.schemaOf(type));
            assertThat(received.getExtension("actor")).isEqualTo("cw-anna");
            String wire = new String(value, StandardCharsets.UTF_8);
            assertThat(wire).doesNotContain("0101901234", "010190-1234", "kirsten.kafkasen");
            Set<String> published = new HashSet<>();
            leafPaths(JSON.readTree(received.getData().toBytes()), "", published);
            Set<String> allowed = new HashSet<>(allowLists.paths().get(type.getSimpleName()));
            for (String path : published) {
                if (allowed.stream().noneMatch(a -> path.equals(a) || path.startsWith(a + "."))) {
                    failures.add(type.getSimpleName() + ": published " + path + " is not allow-listed");
                }
            }
            decoded++;
        }
        assertThat(failures).isEmpty();
        assertThat(decoded).isEqualTo(EventCatalogue.eventTypes().size());
    }

    /** The event's JSON with every field filled in: the published part is then as large as it can be. */
    private static ObjectNode sample(Class<?> type) {
        ObjectNode root = F.objectNode();
        for (EventCatalogue.Leaf leaf : EventCatalogue.leaves(type)) {
            String[] segments = leaf.path().split("\\.");
            ObjectNode node = root;
            String prefix = "";
            for (int i = 0; i < segments.length; i++) {
                prefix = prefix.isEmpty() ? segments[i] : prefix + "." + segments[i];
                boolean last = i == segments.length - 1;
                boolean array = leaf.arrays().contains(prefix);
                if (last) {
                    JsonNode value = value(leaf);
                    if (array) {
                        ArrayNode list = node.has(segments[i]) ? (ArrayNode) node.get(segments[i]) : node.putArray(segments[i]);
                        if (list.isEmpty()) {
                            list.add(value);
                        }
                    } else {
                        node.set(segments[i], value);
                    }
                } else if (array) {
                    ArrayNode list = node.has(segments[i]) ? (ArrayNode) node.get(segments[i]) : node.putArray(segments[i]);
                    node = list.isEmpty() ? list.addObject() : (ObjectNode) list.get(0);
                } else {
                    node = node.has(segments[i]) ? (ObjectNode) node.get(segments[i]) : node.putObject(segments[i]);
                }
            }
        }
        return root;
    }

    private static JsonNode value(EventCatalogue.Leaf leaf) {
        Class<?> t = leaf.type();
        if (t.isEnum()) {
            return JSON.valueToTree(t.getEnumConstants()[0]);
        }
        if (t == LocalDate.class) {
            return F.textNode("2026-03-02");
        }
        if (t == Instant.class) {
            return F.textNode("2026-03-02T09:00:00Z");
        }
        if (t == Period.class) {
            return F.textNode("P2W");
        }
        if (t == YearMonth.class) {
            return F.textNode("2026-03");
        }
        if (t == boolean.class || t == Boolean.class) {
            // an identity marked erased holds no CPR number: the sample is a present one
            return F.booleanNode(!leaf.path().endsWith("citizen.erased"));
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return F.numberNode(2);
        }
        if (t == BigDecimal.class) {
            return F.numberNode(new BigDecimal("2.5"));
        }
        if (t == Map.class) {
            return F.objectNode();
        }
        if (t == MunicipalityId.class) {
            return F.textNode("lejre");
        }
        if (t == Cpr.class) {
            return F.textNode("0101901234");
        }
        if (t == String.class) {
            return F.textNode("text of " + leaf.declaredBy());
        }
        return F.textNode("id-" + leaf.path().replace('.', '-').toLowerCase() + "-0001");
    }

    private static void leafPaths(JsonNode node, String prefix, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leafPaths(f.getValue(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), into));
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(e -> leafPaths(e, prefix, into));
        } else {
            into.add(prefix);
        }
    }
}
