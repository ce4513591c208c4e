package dk.grantlifecycle.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.domain.shared.PersonalData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The audit trail of every case: each event with its time (the event's timestamp), actor, on
 * whose behalf, reason (the metadata every command carries into its events), the rule IDs and
 * rule-set version found in the event, and the event itself with its personal-data part withheld
 * (PII-NOT-IN-CLEAR). Keyed by event id, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit";

    static final ObjectMapper WITHOUT_PERSONAL_DATA = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public boolean hasIgnoreMarker(AnnotatedMember m) {
                    return m.hasAnnotation(PersonalData.class) || super.hasIgnoreMarker(m);
                }
            });

    private final JdbcTemplate jdbc;

    public AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        String aggregateId = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        String caseId = caseOf(payload, aggregateId);
        JsonNode json = WITHOUT_PERSONAL_DATA.valueToTree(payload);
        Set<String> rules = new LinkedHashSet<>();
        collectRules(json, rules);
        JsonNode version = json.findValue("ruleSetVersion");
        long index = message instanceof TrackedEventMessage<?> t ? t.trackingToken().position().orElse(0L) : 0L;
        jdbc.update("""
                        INSERT INTO audit_entry (event_id, global_index, case_id, aggregate_id, aggregate_type, sequence_number,
                                                 event_type, occurred_at, actor, on_behalf_of, reason, rule_ids, rule_set_version, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
                        ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), index, caseId, aggregateId,
                message instanceof DomainEventMessage<?> d ? d.getType() : null,
                message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null,
                payload.getClass().getSimpleName(), CaseProjection.ts(message.getTimestamp()),
                text(message.getMetaData().get("actor")), text(message.getMetaData().get("onBehalfOf")),
                text(message.getMetaData().get("reason")), Json.write(List.copyOf(rules)),
                version == null || version.isNull() ? null : version(version), json.toString());
    }

    /** The case an event belongs to: named by the event, or learned from its aggregate's earlier events. */
    private String caseOf(Object payload, String aggregateId) {
        String named = invoke(payload, "caseId");
        if (named == null) {
            named = invoke(payload, "applicationId");
        }
        if (named != null && aggregateId != null) {
            jdbc.update("INSERT INTO audit_aggregate (aggregate_id, case_id) VALUES (?, ?) ON CONFLICT (aggregate_id) DO NOTHING",
                    aggregateId, named);
            return named;
        }
        if (aggregateId == null) {
            return named;
        }
        List<String> known = jdbc.queryForList("SELECT case_id FROM audit_aggregate WHERE aggregate_id = ?", String.class, aggregateId);
        return known.isEmpty() ? null : known.get(0);
    }

    private static String invoke(Object payload, String accessor) {
        try {
            Method m = payload.getClass().getMethod(accessor);
            Object value = m.invoke(payload);
            return value == null ? null : value.toString();
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectRules(JsonNode node, Set<String> rules) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String name = f.getKey();
                JsonNode value = f.getValue();
                if ((name.equals("ruleId") || name.equals("rule") || name.equals("noticeRule")) && value.isTextual()) {
                    rules.add(value.asText());
                } else if (name.equals("ruleIds") && value.isArray()) {
                    value.forEach(v -> rules.add(v.asText()));
                } else {
                    collectRules(value, rules);
                }
            });
        } else if (node.isArray()) {
            node.forEach(v -> collectRules(v, rules));
        }
    }

    private static String version(JsonNode v) {
        return v.path("municipality").asText() + "@" + (v.path("adopted").isNull() ? "none" : v.path("adopted").asText())
                + "+law@" + v.path("law").asText();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE audit_entry, audit_aggregate");
    }
}
