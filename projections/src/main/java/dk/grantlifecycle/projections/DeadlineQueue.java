package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.lifecycle.DeadlinePrompt;
import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.RuleId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supervisors' deadline queue: every deadline of every kind, filtered, sorted and paged, with
 * counts per status for a dashboard. Statuses are {@link DeadlineStatus} as of today (from the
 * service's clock), rendered into SQL from that one definition.
 */
@Component
public class DeadlineQueue {

    public enum SortField {
        DUE_ON("due_on"), KIND("kind"), RULE("rule_id"), MUNICIPALITY("municipality"), TEAM("team"),
        CASEWORKER("caseworker"), PARAGRAPH("paragraph"), CASE("case_id");

        private final String column;

        SortField(String column) {
            this.column = column;
        }
    }

    /** Every filter is optional; statuses empty means all. */
    public record Filter(String municipality, String team, String caseworker, String ruleId, String paragraph, String kind,
                         String caseId, Set<DeadlineStatus> statuses, LocalDate dueFrom, LocalDate dueTo) {
    }

    /** What a deadline asks of the caseworker now, e.g. the CASE-DEADLINE-LETTER when a case-processing deadline cannot be met. */
    public record Prompt(String rule, String text) {
    }

    public record Row(String deadlineKey, String caseId, String kind, String ruleId, LocalDate dueOn, LocalDate windowOpensOn,
                      DeadlineStatus status, String municipality, String paragraph, String team, String caseworker,
                      String closedReason, Prompt prompt) {
    }

    public record Page(List<Row> items, int page, int size, long total, Map<DeadlineStatus, Long> counts) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadlineQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page search(Filter filter, SortField sort, boolean ascending, int page, int size) {
        LocalDate today = Copenhagen.today(clock);
        List<Object> args = new ArrayList<>();
        String where = where(filter, today, args, true);
        List<Object> countArgs = new ArrayList<>();
        String countWhere = where(filter, today, countArgs, false);

        String order = " ORDER BY " + sort.column + (ascending ? " ASC" : " DESC") + " NULLS LAST, due_on, deadline_key";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Row> rows = jdbc.query("SELECT * FROM deadline_view" + where + order + " LIMIT ? OFFSET ?",
                (rs, i) -> row(rs, today), pageArgs.toArray());

        // Counts per status over the filter without its status part: rows grouped by state and by how the due date
        // compares with today (an index-only scan), each group's status taken from DeadlineStatus.of, the one
        // definition. The page's total is the sum over the statuses asked for, so no second count runs.
        Map<DeadlineStatus, Long> counts = new LinkedHashMap<>();
        for (DeadlineStatus s : DeadlineStatus.values()) {
            counts.put(s, 0L);
        }
        List<Object> groupArgs = new ArrayList<>();
        groupArgs.add(today);
        groupArgs.addAll(countArgs);
        jdbc.query("SELECT state, sign(due_on - ?::date) AS compared, count(*) FROM deadline_view" + countWhere + " GROUP BY 1, 2",
                (ResultSet rs) -> {
                    DeadlineStatus status = DeadlineStatus.of(DeadlineStatus.State.valueOf(rs.getString(1)),
                            today.plusDays(rs.getInt(2)), today);
                    counts.merge(status, rs.getLong(3), Long::sum);
                }, groupArgs.toArray());
        Set<DeadlineStatus> asked = filter.statuses() == null || filter.statuses().isEmpty()
                ? EnumSet.allOf(DeadlineStatus.class) : filter.statuses();
        long total = asked.stream().mapToLong(counts::get).sum();
        return new Page(rows, page, size, total, counts);
    }

    /** The filter as SQL; with {@code withStatus} false the status filter is left out (the counts span all statuses). */
    private static String where(Filter f, LocalDate today, List<Object> args, boolean withStatus) {
        List<String> clauses = new ArrayList<>();
        equal(clauses, args, "municipality", f.municipality());
        equal(clauses, args, "team", f.team());
        equal(clauses, args, "caseworker", f.caseworker());
        equal(clauses, args, "rule_id", f.ruleId());
        equal(clauses, args, "paragraph", f.paragraph());
        equal(clauses, args, "kind", f.kind());
        equal(clauses, args, "case_id", f.caseId());
        if (f.dueFrom() != null) {
            clauses.add("due_on >= ?");
            args.add(f.dueFrom());
        }
        if (f.dueTo() != null) {
            clauses.add("due_on <= ?");
            args.add(f.dueTo());
        }
        Set<DeadlineStatus> statuses = f.statuses() == null || f.statuses().isEmpty() ? EnumSet.noneOf(DeadlineStatus.class) : f.statuses();
        if (withStatus && !statuses.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (DeadlineStatus s : statuses) {
                any.add(condition(s, today, args));
            }
            clauses.add("(" + String.join(" OR ", any) + ")");
        }
        return " WHERE " + (clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses));
    }

    /** The SQL condition a row meets when it has {@code status} today, as {@link DeadlineStatus} defines it. */
    private static String condition(DeadlineStatus status, LocalDate today, List<Object> args) {
        if (!status.open()) {
            args.add(status.closedAs().name());
            return "(state = ?)";
        }
        args.add(today);
        String compared = switch (status.dueComparedWithToday()) {
            case 1 -> ">";
            case 0 -> "=";
            default -> "<";
        };
        return "(state IN ('" + DeadlineStatus.State.OPEN + "', '" + DeadlineStatus.State.FIRED + "') AND due_on " + compared + " ?)";
    }

    private static void equal(List<String> clauses, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = ?");
            args.add(value);
        }
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        CaseQueries.DeadlineView d = CaseQueries.deadlineView(rs, today);
        DeadlineStatus status = DeadlineStatus.valueOf(d.status());
        Prompt prompt = DeadlinePrompt.of(DeadlineKind.valueOf(d.kind()), RuleId.of(d.ruleId()), status)
                .map(p -> new Prompt(p.rule().id(), p.text())).orElse(null);
        return new Row(d.deadlineKey(), d.caseId(), d.kind(), d.ruleId(), d.dueOn(), d.windowOpensOn(), status,
                rs.getString("municipality"), rs.getString("paragraph"), rs.getString("team"), rs.getString("caseworker"),
                d.closedReason(), prompt);
    }
}
