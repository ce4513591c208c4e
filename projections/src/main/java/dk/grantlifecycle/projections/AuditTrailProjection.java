package dk.grantlifecycle.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.PersonalData;
import dk.grantlifecycle.domain.upcasting.EventJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
        String caseId = caseOf(payload);
        JsonNode json = WITHOUT_PERSONAL_DATA.valueToTree(payload);
        Set<String> rules = new LinkedHashSet<>();
        EventJson.collectRuleIds(json, rules);
        JsonNode version = json.findValue("ruleSetVersion");
        // The event's own place in the store, not the token's position: an event that fills a gap (its transaction
        // committed after later ones) comes with a token already past it, and a replay would then disagree.
        Long index = jdbc.query("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?",
                rs -> rs.next() ? rs.getLong(1) : null, message.getIdentifier());
        if (index == null) {
            index = message instanceof TrackedEventMessage<?> t ? t.trackingToken().position().orElse(0L) : 0L;
        }
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

    /** The case an event belongs to: every event names it. */
    private static String caseOf(Object payload) {
        return payload instanceof CaseEvent e ? e.caseId().value() : null;
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
        jdbc.update("TRUNCATE audit_entry");
    }
}
