package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.domain.shared.RuleId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3 catalogue ({@code /asyncapi.yaml}, from {@code src/main/resources/static/asyncapi.yaml}) is generated
 * from the event classes and their allow-lists; this test fails when the committed document differs. Regenerate with
 * {@code -Dasyncapi.write=true} (then review and commit the change, which is the published contract).
 */
class AsyncApiCatalogueTest {

    static final Path DOCUMENT = Path.of("src/main/resources/static/asyncapi.yaml");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    @Test
    @DisplayName("the AsyncAPI catalogue lists every event type with the schema of its published data, in step with the classes and allow-lists")
    void catalogueIsInStep() throws Exception {
        String generated = YAML.writeValueAsString(document(AllowLists.load()));
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed) && Boolean.getBoolean("asyncapi.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed).as(DOCUMENT + " is out of step with the event classes or allow-lists; regenerate it with "
                + "-Dasyncapi.write=true and review the change").isEqualTo(generated);
        JsonNode doc = YAML.readTree(committed);
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (Class<?> type : EventCatalogue.eventTypes()) {
            String name = EventEnvelope.typeOf(type);
            assertThat(doc.path("components").path("messages").path(messageKey(type)).path("name").asText()).isEqualTo(name);
        }
    }

    /** An enum's schema name: nested enums keep their enclosing type's name, so two {@code Outcome}s stay apart. */
    static String schemaName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : schemaName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    static String messageKey(Class<?> type) {
        return type.getSimpleName() + ".v" + EventEnvelope.revisionOf(type);
    }

    static ObjectNode document(AllowLists allowLists) {
        KafkaSettings.Topics topics = new KafkaSettings.Topics(null, null, null, 0, 0);
        ObjectNode doc = F.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Grant lifecycle events");
        info.put("version", "1.0.0");
        info.put("description", """
                Every domain event of the grant lifecycle as a CloudEvent (structured mode, application/cloudevents+json), \
                keyed by case id so a case's events keep their store order on one partition, and the delivery receipts the \
                service takes in. Data holds only the allow-listed fields of each event (no CPR number, name or free text; the \
                citizen appears as a pseudonymous citizenId). Generated from the event classes and kafka/allow-lists.yaml; \
                AsyncApiCatalogueTest keeps it in step.""");
        doc.put("defaultContentType", "application/cloudevents+json");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode lifecycle = channels.putObject("lifecycle");
        lifecycle.put("address", topics.events());
        lifecycle.put("description", "One topic for the whole lifecycle (topic name, partitions and retention are configuration).");
        ObjectNode lifecycleMessages = lifecycle.putObject("messages");
        ObjectNode receipts = channels.putObject("deliveryReceipts");
        receipts.put("address", topics.receipts());
        receipts.putObject("messages").putObject("DeliveryReceipt").put("$ref", "#/components/messages/DeliveryReceipt");
        ObjectNode dead = channels.putObject("deliveryReceiptsDeadLetter");
        dead.put("address", topics.receiptsDeadLetter());
        dead.putObject("messages").putObject("DeadLetteredReceipt").put("$ref", "#/components/messages/DeadLetteredReceipt");

        ObjectNode operations = doc.putObject("operations");
        ObjectNode publish = operations.putObject("publishLifecycleEvents");
        publish.put("action", "send");
        publish.putObject("channel").put("$ref", "#/channels/lifecycle");
        ArrayNode publishMessages = publish.putArray("messages");
        ObjectNode consume = operations.putObject("receiveDeliveryReceipts");
        consume.put("action", "receive");
        consume.putObject("channel").put("$ref", "#/channels/deliveryReceipts");
        consume.putArray("messages").addObject().put("$ref", "#/channels/deliveryReceipts/messages/DeliveryReceipt");
        ObjectNode deadLetter = operations.putObject("deadLetterReceipts");
        deadLetter.put("action", "send");
        deadLetter.putObject("channel").put("$ref", "#/channels/deliveryReceiptsDeadLetter");
        deadLetter.putArray("messages").addObject().put("$ref", "#/channels/deliveryReceiptsDeadLetter/messages/DeadLetteredReceipt");

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEvent", envelope());
        java.util.Set<Class<?>> enums = new java.util.TreeSet<>(java.util.Comparator.comparing(AsyncApiCatalogueTest::schemaName));
        for (Class<?> type : EventCatalogue.eventTypes()) {
            String key = messageKey(type);
            lifecycleMessages.putObject(key).put("$ref", "#/components/messages/" + key);
            publishMessages.addObject().put("$ref", "#/channels/lifecycle/messages/" + key);
            ObjectNode message = messages.putObject(key);
            message.put("name", EventEnvelope.typeOf(type));
            message.put("contentType", "application/cloudevents+json");
            message.putObject("payload").put("$ref", "#/components/schemas/" + key);
            message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string").put("description", "the case id");
            ObjectNode schema = schemas.putObject(key);
            ArrayNode allOf = schema.putArray("allOf");
            allOf.addObject().put("$ref", "#/components/schemas/CloudEvent");
            ObjectNode specific = allOf.addObject();
            specific.put("type", "object");
            ObjectNode props = specific.putObject("properties");
            props.putObject("type").put("const", EventEnvelope.typeOf(type));
            props.putObject("dataschema").put("const", EventEnvelope.schemaOf(type));
            props.set("data", dataSchema(type, allowLists.paths().getOrDefault(type.getSimpleName(), List.of()), enums));
        }
        for (Class<?> e : enums) {
            ObjectNode values = schemas.putObject(schemaName(e));
            values.put("type", "string");
            ArrayNode list = values.putArray("enum");
            Arrays.stream(e.getEnumConstants()).map(c -> e == RuleId.class ? ruleId(c) : ((Enum<?>) c).name()).forEach(list::add);
        }
        ObjectNode receipt = messages.putObject("DeliveryReceipt");
        receipt.put("name", "DeliveryReceipt");
        receipt.put("contentType", "application/json");
        receipt.put("summary", "RECEIPT: the letter or Digital Post system confirms when the citizen received a decision");
        receipt.putObject("payload").put("$ref", "#/components/schemas/DeliveryReceipt");
        schemas.set("DeliveryReceipt", receiptSchema());
        ObjectNode letter = messages.putObject("DeadLetteredReceipt");
        letter.put("name", "DeadLetteredReceipt");
        letter.put("summary", "a receipt that could not be read or was refused: the original key and value, with the reason");
        ObjectNode headers = letter.putObject("headers");
        headers.put("type", "object");
        ObjectNode hp = headers.putObject("properties");
        for (String h : List.of("dlt-reason", "dlt-original-topic", "dlt-original-partition", "dlt-original-offset")) {
            hp.putObject(h).put("type", "string");
        }
        letter.putObject("payload").put("description", "the original value, byte for byte (possibly not JSON)");
        return doc;
    }

    private static ObjectNode envelope() {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        ArrayNode required = s.putArray("required");
        List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data").forEach(required::add);
        ObjectNode p = s.putObject("properties");
        p.putObject("specversion").put("const", "1.0");
        p.putObject("id").put("type", "string").put("description", "the Axon event identifier: a redelivery has the same id");
        p.putObject("source").put("type", "string").put("format", "uri");
        p.putObject("type").put("type", "string").put("description", "dk.grants.<Event>.v<revision>");
        p.putObject("subject").put("type", "string").put("description", "the case id (also the record key)");
        p.putObject("time").put("type", "string").put("format", "date-time").put("description", "when the event was stored");
        p.putObject("datacontenttype").put("const", "application/json");
        p.putObject("dataschema").put("type", "string").put("format", "uri");
        p.putObject("actor").put("type", "string").put("description", "the caseworker or system id that caused the event");
        p.putObject("ruleids").put("type", "string").put("description", "comma-separated rule IDs of RULES.md named in the event");
        p.putObject("rulesetversion").put("type", "string").put("description", "municipality@adopted+law@date the decision was judged by");
        p.putObject("aggregatetype").put("type", "string");
        p.putObject("aggregateid").put("type", "string");
        p.putObject("data").put("type", "object");
        return s;
    }

    static ObjectNode dataSchema(Class<?> type, List<String> paths, java.util.Set<Class<?>> enums) {
        Map<String, EventCatalogue.Leaf> leaves = EventCatalogue.leaves(type).stream()
                .collect(Collectors.toMap(EventCatalogue.Leaf::path, l -> l, (a, b) -> a));
        ObjectNode root = F.objectNode();
        root.put("type", "object");
        for (String path : paths) {
            EventCatalogue.Leaf leaf = leaves.get(path);
            if (leaf == null) {
                continue; // KafkaAllowListsTest names it
            }
            String[] segments = path.split("\\.");
            ObjectNode node = root;
            String prefix = "";
            for (int i = 0; i < segments.length; i++) {
                prefix = prefix.isEmpty() ? segments[i] : prefix + "." + segments[i];
                ObjectNode props = node.has("properties") ? (ObjectNode) node.get("properties") : node.putObject("properties");
                boolean last = i == segments.length - 1;
                ObjectNode child = props.has(segments[i]) ? (ObjectNode) props.get(segments[i]) : props.putObject(segments[i]);
                if (leaf.arrays().contains(prefix)) {
                    child.put("type", "array");
                    child = child.has("items") ? (ObjectNode) child.get("items") : child.putObject("items");
                }
                if (last) {
                    leafSchema(child, leaf, enums);
                } else {
                    child.put("type", "object");
                }
                node = child;
            }
        }
        return root;
    }

    private static void leafSchema(ObjectNode node, EventCatalogue.Leaf leaf, java.util.Set<Class<?>> enums) {
        Class<?> t = leaf.type();
        if (t.isEnum()) {
            enums.add(t);
            node.put("$ref", "#/components/schemas/" + schemaName(t));
            return;
        }
        node.put("type", EventCatalogue.jsonType(t));
        String format = EventCatalogue.format(t);
        if (format != null) {
            node.put("format", format);
        }
        if (t == java.util.Map.class) {
            Class<?> value = (Class<?>) ((ParameterizedType) leaf.valueType()).getActualTypeArguments()[1];
            ObjectNode additional = node.putObject("additionalProperties");
            if (value.isEnum()) {
                enums.add(value);
                additional.put("$ref", "#/components/schemas/" + schemaName(value));
            } else {
                additional.put("type", EventCatalogue.jsonType(value));
            }
        }
    }

    private static String ruleId(Object constant) {
        try {
            return YAML.readTree(YAML.writeValueAsString(constant)).asText();
        } catch (Exception e) {
            return ((Enum<?>) constant).name();
        }
    }

    private static ObjectNode receiptSchema() {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        s.put("description", "Key: the grant id (or case id). A message id seen before is ignored; a malformed or refused "
                + "message goes to the dead-letter topic with the reason.");
        ArrayNode required = s.putArray("required");
        List.of("messageId", "grantId", "decisionId", "channel").forEach(required::add);
        ObjectNode p = s.putObject("properties");
        for (RecordComponent c : ReceiptsConsumer.Receipt.class.getRecordComponents()) {
            ObjectNode field = p.putObject(c.getName());
            field.put("type", "string");
            if (c.getType() == java.time.LocalDate.class) {
                field.put("format", "date");
            }
            if (c.getType().isEnum()) {
                ArrayNode values = field.putArray("enum");
                Arrays.stream(c.getType().getEnumConstants()).map(v -> ((Enum<?>) v).name()).forEach(values::add);
            }
        }
        p.with("messageId").put("maxLength", 256).put("description", "the letter system's message id: the key of idempotency");
        p.with("receivedOn").put("description", "the day the citizen received the decision (or availableInInboxOn for Digital Post); "
                + "one of the two is required, never after today");
        return s;
    }
}
