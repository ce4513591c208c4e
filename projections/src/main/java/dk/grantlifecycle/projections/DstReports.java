package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.MunicipalityId;

import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
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
 * DST-REPORT: the month's report of grant starts, changes and ends per paragraph, due by the day of
 * the following month the rule files give (general.dstReportDueDay: the 14th). A report takes every movement of its month and earlier months not yet
 * reported; those of earlier months are corrections (a change recorded after its month was
 * reported). What a report holds is remembered, so nothing is reported twice. A report covers a
 * complete month (by the service's clock, in Copenhagen terms) that does not lie before the
 * municipality's first recorded fact; a preview may also show the month in progress.
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
    private final RuleBook rules;

    public DstReports(JdbcTemplate jdbc, Clock clock, RuleBook rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    /** What a report for the month would hold now, without producing it. */
    public Report preview(String municipality, YearMonth month) {
        requireReportable(municipality, month, true);
        return report(null, municipality, month, null, pending(municipality, month));
    }

    @Transactional
    public Report produce(String municipality, YearMonth month, String producedBy) {
        requireReportable(municipality, month, false);
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
        requireReportable(municipality, month, false);
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

    /**
     * DST-REPORT: a month that has ended (or, for a preview, the month in progress), and not one
     * before the first application, decision, start or movement recorded for the municipality.
     */
    private void requireReportable(String municipality, YearMonth month, boolean inProgressAllowed) {
        YearMonth current = YearMonth.from(Copenhagen.today(clock));
        RuleViolation.require(!month.isAfter(current), RuleId.DST_REPORT, "month",
                month + " lies in the future (today is " + Copenhagen.today(clock) + ")");
        RuleViolation.require(inProgressAllowed || month.isBefore(current), RuleId.DST_REPORT, "month",
                month + " is not over until " + month.plusMonths(1).atDay(1) + "; a report covers a complete month");
        LocalDate first = jdbc.queryForObject("""
                SELECT min(d) FROM (
                    SELECT min(received_on) AS d FROM case_view WHERE municipality = ?
                    UNION ALL SELECT min(coalesce(decided_on, started_on)) FROM grant_view WHERE municipality = ?
                    UNION ALL SELECT min(occurred_on) FROM dst_movement WHERE municipality = ?) facts""",
                LocalDate.class, municipality, municipality, municipality);
        RuleViolation.require(first != null, RuleId.DST_REPORT, "municipality",
                "nothing is recorded for municipality " + municipality + " yet");
        RuleViolation.require(!month.isBefore(YearMonth.from(first)), RuleId.DST_REPORT, "month",
                month + " lies before the first fact recorded for " + municipality + " (" + first + ")");
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
        LocalDate dueBy = month.plusMonths(1).atDay(
                rules.general(MunicipalityId.of(municipality), month.atEndOfMonth()).dstReportDueDay());
        return new Report(id, municipality, month.toString(), dueBy, producedAt, counts, lines, corrections);
    }

}
