package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PII-NOT-IN-CLEAR on Kafka: one allow-list per event type names the fields of the event that are
 * published, as dotted paths into its JSON (a list is looked into element by element). Everything
 * else stays home: the citizen's CPR number and name, and every free text (reasons, descriptions,
 * summaries, facts) that may hold personal data. A plain-text field is published only when its
 * name is in {@code clearedText} (codes and references, not prose). An event type without an
 * allow-list is never published: the publisher stops on it rather than guess, and
 * {@code KafkaAllowListsTest} fails when an event type has none.
 * <p>
 * The lists live in {@code kafka/allow-lists.yaml}.
 */
public final class AllowLists {

    public static final String RESOURCE = "/kafka/allow-lists.yaml";

    private final Map<String, Node> byType;
    private final Map<String, List<String>> paths;
    private final Set<String> clearedText;

    private AllowLists(Map<String, List<String>> paths, Set<String> clearedText) {
        this.paths = Collections.unmodifiableMap(paths);
        this.clearedText = Collections.unmodifiableSet(clearedText);
        this.byType = new LinkedHashMap<>();
        paths.forEach((type, list) -> {
            Node root = new Node();
            list.forEach(p -> root.add(p.split("\\.")));
            byType.put(type, root);
        });
    }

    public static AllowLists load() {
        try (InputStream in = AllowLists.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AllowLists read(InputStream yaml) throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Set<String> cleared = new TreeSet<>();
        doc.path("clearedText").forEach(n -> cleared.add(n.asText()));
        Map<String, List<String>> paths = new LinkedHashMap<>();
        doc.path("events").fields().forEachRemaining(e -> {
            List<String> list = new java.util.ArrayList<>();
            e.getValue().forEach(n -> list.add(n.asText()));
            paths.put(e.getKey(), List.copyOf(list));
        });
        return new AllowLists(paths, cleared);
    }

    /** Event type (simple class name) to its published paths. */
    public Map<String, List<String>> paths() {
        return paths;
    }

    /** Names of plain-text fields that hold codes or references and may be published. */
    public Set<String> clearedText() {
        return clearedText;
    }

    public boolean covers(Class<?> eventType) {
        return byType.containsKey(eventType.getSimpleName());
    }

    /** The published part of an event's JSON: only the allow-listed fields. */
    public ObjectNode publishedPart(Class<?> eventType, JsonNode eventJson) {
        Node allowed = byType.get(eventType.getSimpleName());
        if (allowed == null) {
            throw new IllegalStateException("event type " + eventType.getName() + " has no Kafka allow-list in " + RESOURCE
                    + "; it is not published until it has one");
        }
        JsonNode filtered = allowed.filter(eventJson);
        return filtered instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean leaf;

        void add(String[] path) {
            Node n = this;
            for (String segment : path) {
                n = n.children.computeIfAbsent(segment, k -> new Node());
            }
            n.leaf = true;
        }

        JsonNode filter(JsonNode node) {
            if (leaf) {
                return node.deepCopy();
            }
            if (node.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                node.forEach(element -> out.add(filter(element)));
                return out;
            }
            if (!node.isObject()) {
                return JsonNodeFactory.instance.nullNode();
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            children.forEach((name, child) -> {
                if (node.has(name)) {
                    out.set(name, child.filter(node.get(name)));
                }
            });
            return out;
        }
    }
}
