package dk.grantlifecycle.domain.upcasting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Set;

/**
 * The JSON form of stored events, defined once: dates as ISO strings, and an unknown property is
 * an error, so a field renamed without an upcaster fails loudly instead of replaying as null. The
 * event format is forever; this is the only mapper that writes or reads it.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Adds the rule IDs named anywhere in an event's JSON (codes from RULES.md, never personal data). */
    public static void collectRuleIds(JsonNode node, Set<String> rules) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String name = f.getKey();
                JsonNode value = f.getValue();
                if ((name.equals("ruleId") || name.equals("rule") || name.equals("noticeRule")) && value.isTextual()) {
                    rules.add(value.asText());
                } else if (name.equals("ruleIds") && value.isArray()) {
                    value.forEach(v -> rules.add(v.asText()));
                } else {
                    collectRuleIds(value, rules);
                }
            });
        } else if (node.isArray()) {
            node.forEach(v -> collectRuleIds(v, rules));
        }
    }
}
