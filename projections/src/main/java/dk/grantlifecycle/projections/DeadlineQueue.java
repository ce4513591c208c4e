package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.shared.Copenhagen;
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
 * counts per status for a dashboard. A status is relative to today (from the service's clock):
 * an open deadline is upcoming, due today or overdue; a closed one is done or cancelled.
 */
@Component
public class DeadlineQueue {

    public enum Status { UPCOMING, DUE_TODAY, OVERDUE, DONE, CANCELLED }

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
                         String caseId, Set<Status> statuses, LocalDate dueFrom, LocalDate dueTo) {
    }

    /**
     * A queue row. {@code prompt} names what the deadline asks of the caseworker now, e.g. the
     * CASE-DEADLINE-LETTER when a case-processing deadline cannot be met.
     */
    public record Row(String deadlineKey, String caseId, String kind, String ruleId, LocalDate dueOn, LocalDate windowOpensOn,
                      Status status, String municipality, String paragraph, String team, String caseworker,
                      String closedReason, String prompt) {
    }

    public record Page(List<Row> items, int page, int size, long total, Map<Status, Long> counts) {
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
        Long total = jdbc.queryForObject("SELECT count(*) FROM deadline_view" + where, Long.class, args.toArray());

        List<Object> statusArgs = new ArrayList<>(List.of(today, today));
        statusArgs.addAll(countArgs);
        Map<Status, Long> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("""
                        SELECT CASE WHEN state = 'MET' THEN 'DONE' WHEN state = 'CANCELLED' THEN 'CANCELLED'
                                    WHEN due_on > ? THEN 'UPCOMING' WHEN due_on = ? THEN 'DUE_TODAY' ELSE 'OVERDUE' END AS status,
                               count(*) FROM deadline_view""" + countWhere + " GROUP BY 1",
                (ResultSet rs) -> {
                    counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                }, statusArgs.toArray());
        return new Page(rows, page, size, total == null ? 0 : total, counts);
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
        Set<Status> statuses = f.statuses() == null || f.statuses().isEmpty() ? EnumSet.noneOf(Status.class) : f.statuses();
        if (withStatus && !statuses.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Status s : statuses) {
                switch (s) {
                    case UPCOMING -> { any.add("(state IN ('OPEN', 'FIRED') AND due_on > ?)"); args.add(today); }
                    case DUE_TODAY -> { any.add("(state IN ('OPEN', 'FIRED') AND due_on = ?)"); args.add(today); }
                    case OVERDUE -> { any.add("(state IN ('OPEN', 'FIRED') AND due_on < ?)"); args.add(today); }
                    case DONE -> any.add("state = 'MET'");
                    case CANCELLED -> any.add("state = 'CANCELLED'");
                }
            }
            clauses.add("(" + String.join(" OR ", any) + ")");
        }
        return " WHERE " + (clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses));
    }

    private static void equal(List<String> clauses, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = ?");
            args.add(value);
        }
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        CaseQueries.DeadlineView d = CaseQueries.deadlineView(rs, today);
        Status status = Status.valueOf(d.status());
        boolean open = status == Status.DUE_TODAY || status == Status.OVERDUE;
        String prompt = open && "CASE_PROCESSING".equals(d.kind()) && !"CASE-ACUTE".equals(d.ruleId())
                ? "CASE-DEADLINE-LETTER: the case-processing deadline cannot be met; tell the citizen in writing when to expect a decision"
                : null;
        return new Row(d.deadlineKey(), d.caseId(), d.kind(), d.ruleId(), d.dueOn(), d.windowOpensOn(), status,
                rs.getString("municipality"), rs.getString("paragraph"), rs.getString("team"), rs.getString("caseworker"),
                d.closedReason(), prompt);
    }
}
