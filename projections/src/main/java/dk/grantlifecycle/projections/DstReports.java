package dk.grantlifecycle.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * DST-REPORT: the month's report of grant starts, changes and ends per paragraph, due by the 14th
 * of the following month. A report takes every movement of its month and earlier months not yet
 * reported; those of earlier months are corrections (a change recorded after its month was
 * reported). What a report holds is remembered, so nothing is reported twice.
 */
@Component
public class DstReports {

    public record Line(String grantId, String citizenId, String paragraph, String movement, LocalDate occurredOn, String month,
                       boolean correction) {
    }

    public record Report(String reportId, String municipality, String month, LocalDate dueBy, Instant producedAt,
                         Map<String, Map<String, Integer>> countsPerParagraph, List<Line> lines, List<Line> corrections) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DstReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a report for the month would hold now, without producing it. */
    public Report preview(String municipality, YearMonth month) {
        return report(null, municipality, month, null, pending(municipality, month));
    }

    @Transactional
    public Report produce(String municipality, YearMonth month, String producedBy) {
        List<Pending> pending = pending(municipality, month);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO dst_report (report_id, municipality, month, produced_at, produced_by) VALUES (?, ?, ?, ?, ?)",
                id, municipality, month.toString(), CaseProjection.ts(now), producedBy);
        for (Pending p : pending) {
            jdbc.update("INSERT INTO dst_report_line (report_id, event_id, municipality, correction) VALUES (?, ?, ?, ?)",
                    id, p.eventId(), municipality, p.line().correction());
        }
        return report(id, municipality, month, now, pending);
    }

    public List<Report> produced(String municipality, YearMonth month) {
        return jdbc.query("SELECT report_id, produced_at FROM dst_report WHERE municipality = ? AND month = ? ORDER BY produced_at",
                (rs, i) -> {
                    String id = rs.getString(1);
                    List<Pending> lines = jdbc.query("""
                                    SELECT m.*, l.correction FROM dst_report_line l JOIN dst_movement m ON m.event_id = l.event_id
                                    WHERE l.report_id = ? ORDER BY m.paragraph, m.occurred_on, m.event_id""",
                            (r, j) -> pending(r, r.getBoolean("correction")), id);
                    return report(id, municipality, month, rs.getTimestamp(2).toInstant(), lines);
                }, municipality, month.toString());
    }

    private record Pending(String eventId, Line line) {
    }

    private List<Pending> pending(String municipality, YearMonth month) {
        return jdbc.query("""
                        SELECT m.* FROM dst_movement m
                        WHERE m.municipality = ? AND m.month <= ?
                          AND NOT EXISTS (SELECT 1 FROM dst_report_line l WHERE l.municipality = m.municipality AND l.event_id = m.event_id)
                        ORDER BY m.paragraph, m.occurred_on, m.event_id""",
                (rs, i) -> pending(rs, !rs.getString("month").equals(month.toString())), municipality, month.toString());
    }

    private static Pending pending(java.sql.ResultSet rs, boolean correction) throws java.sql.SQLException {
        return new Pending(rs.getString("event_id"), new Line(rs.getString("grant_id"), rs.getString("citizen_id"),
                rs.getString("paragraph"), rs.getString("movement"), rs.getDate("occurred_on").toLocalDate(),
                rs.getString("month"), correction));
    }

    private Report report(String id, String municipality, YearMonth month, Instant producedAt, List<Pending> pending) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        List<Line> lines = new ArrayList<>();
        List<Line> corrections = new ArrayList<>();
        for (Pending p : pending) {
            Line line = p.line();
            (line.correction() ? corrections : lines).add(line);
            if (!line.correction()) {
                counts.computeIfAbsent(line.paragraph(), k -> new LinkedHashMap<>(Map.of("START", 0, "CHANGE", 0, "END", 0)))
                        .merge(line.movement(), 1, Integer::sum);
            }
        }
        LocalDate dueBy = month.plusMonths(1).atDay(14);
        return new Report(id, municipality, month.toString(), dueBy, producedAt, counts, lines, corrections);
    }

}
