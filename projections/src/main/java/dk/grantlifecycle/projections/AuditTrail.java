package dk.grantlifecycle.projections;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads of a case's audit trail, filtered by period, actor and event type, as rows or CSV. */
@Component
public class AuditTrail {

    /**
     * One event of the trail. {@code event} is the event's data with its personal-data part withheld,
     * as JSON text written into the response as it is: a type of neither JSON library, so the web
     * layer's mapper (Jackson 3) cannot mistake it for a bean, as it did a Jackson 2 tree.
     */
    public record Entry(long position, String eventId, Instant occurredAt, String eventType, String actor, String onBehalfOf,
                        String reason, List<String> ruleIds, String ruleSetVersion, String aggregateType, String aggregateId,
                        Long sequenceNumber, @JsonRawValue String event) {
    }

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> ofCase(String caseId, Instant from, Instant to, String actor, String eventType) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE case_id = ?");
        List<Object> args = new ArrayList<>(List.of(caseId));
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(CaseProjection.ts(from));
        }
        if (to != null) {
            sql.append(" AND occurred_at <= ?");
            args.add(CaseProjection.ts(to));
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (eventType != null && !eventType.isBlank()) {
            sql.append(" AND event_type = ?");
            args.add(eventType);
        }
        sql.append(" ORDER BY global_index, event_id");
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong("global_index"), rs.getString("event_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"), rs.getString("actor"),
                rs.getString("on_behalf_of"), rs.getString("reason"),
                Json.read(rs.getString("rule_ids"), new TypeReference<List<String>>() {
                }), rs.getString("rule_set_version"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                (Long) rs.getObject("sequence_number"), rs.getString("payload")), args.toArray());
    }

    /**
     * RFC 4180 CSV of the trail, one row per event, for auditors' spreadsheets; the last column is the
     * event's data (personal data withheld) as JSON text.
     */
    public static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder("occurredAt,eventType,actor,onBehalfOf,reason,ruleIds,ruleSetVersion,aggregateType,aggregateId,"
                + "sequenceNumber,eventId,payload\r\n");
        for (Entry e : entries) {
            b.append(String.join(",", List.of(
                    cell(e.occurredAt().toString()), cell(e.eventType()), cell(e.actor()), cell(e.onBehalfOf()), cell(e.reason()),
                    cell(e.ruleIds().stream().collect(Collectors.joining(" "))), cell(e.ruleSetVersion()), cell(e.aggregateType()),
                    cell(e.aggregateId()), cell(e.sequenceNumber() == null ? null : e.sequenceNumber().toString()), cell(e.eventId()),
                    cell(e.event())))).append("\r\n");
        }
        return b.toString();
    }

    /** One RFC 4180 field; a value a spreadsheet would run as a formula (OWASP's list of leading characters) is quoted with '. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                || value.startsWith("\t") || value.startsWith("\r") ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
