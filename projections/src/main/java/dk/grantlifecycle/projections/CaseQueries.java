package dk.grantlifecycle.projections;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.grant.GrantTerms;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads of the case read models for the API. */
@Component
public class CaseQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record CaseView(String applicationId, String citizenId, String municipality, Paragraph paragraph, String status,
                           LocalDate receivedOn, boolean acute, String source, String team, String caseworker,
                           String routedTo, List<RequestedService> services, String assessmentId,
                           Map<String, VumLevel> scores, String decisionId, LocalDate decidedOn, String ruleSetVersion,
                           String referredTo, List<GrantView> grants, List<DeadlineView> deadlines) {
    }

    public record GrantView(String grantId, String caseId, Paragraph paragraph, String serviceCode, String serviceName,
                            String outcome, String status, String decisionId, LocalDate decidedOn, LocalDate startedOn,
                            LocalDate endsOn, String endReason, GrantTerms terms, GrantTerms comingTerms,
                            LocalDate comingTermsFrom, List<String> ruleIds, String ruleSetVersion, String actionPlan,
                            boolean actionPlanOffered, Boolean actionPlanAccepted, String provider) {
    }

    public record ComplaintView(String complaintId, String grantId, String decisionId, LocalDate receivedOn, String form,
                                String subject, boolean late, LocalDate windowEndsOn, String status, LocalDate reconsideredOn,
                                String reconsideration, LocalDate sentOn, List<String> caseMaterial, boolean suspended,
                                String appealOutcome, LocalDate appealReceivedOn) {
    }

    public List<ComplaintView> complaintsOfGrant(String grantId) {
        return jdbc.query("SELECT * FROM complaint_view WHERE grant_id = ? ORDER BY received_on, complaint_id", (rs, i) ->
                new ComplaintView(rs.getString("complaint_id"), rs.getString("grant_id"), rs.getString("decision_id"),
                        localDate(rs, "received_on"), rs.getString("form"), rs.getString("subject"), rs.getBoolean("late"),
                        localDate(rs, "window_ends_on"), rs.getString("status"), localDate(rs, "reconsidered_on"),
                        rs.getString("reconsideration"), localDate(rs, "sent_on"),
                        Json.read(rs.getString("case_material"), new TypeReference<>() {
                        }), rs.getBoolean("suspended"), rs.getString("appeal_outcome"), localDate(rs, "appeal_received_on")),
                grantId);
    }

    /** A deadline with its status as of today: UPCOMING, DUE_TODAY, OVERDUE, DONE or CANCELLED. */
    public record DeadlineView(String deadlineKey, String caseId, String kind, String ruleId, LocalDate dueOn,
                               LocalDate windowOpensOn, String status, String closedReason) {
    }

    public Optional<CaseView> caseById(String applicationId) {
        List<CaseView> found = jdbc.query("SELECT * FROM case_view WHERE application_id = ?", (rs, i) -> caseView(rs),
                applicationId);
        return found.stream().findFirst();
    }

    public Optional<GrantView> grantById(String grantId) {
        return jdbc.query("SELECT * FROM grant_view WHERE grant_id = ?", (rs, i) -> grantView(rs), grantId).stream().findFirst();
    }

    public List<DeadlineView> deadlinesOfCase(String caseId, boolean openOnly) {
        LocalDate today = Copenhagen.today(clock);
        return jdbc.query("SELECT * FROM deadline_view WHERE case_id = ?"
                        + (openOnly ? " AND state IN ('OPEN', 'FIRED')" : "") + " ORDER BY due_on, deadline_key",
                (rs, i) -> deadlineView(rs, today), caseId);
    }

    /** Paragraphs under which the citizen has a grant that has not ended (EXCL-*). */
    public Set<Paragraph> activeParagraphsOf(CitizenId citizen) {
        Set<Paragraph> result = EnumSet.noneOf(Paragraph.class);
        jdbc.query("SELECT DISTINCT paragraph FROM grant_view WHERE citizen_id = ? AND outcome = 'GRANTED' AND status <> 'ENDED'",
                (ResultSet rs) -> {
                    result.add(Paragraph.valueOf(rs.getString(1)));
                }, citizen.value());
        return result;
    }

    /** Whether the citizen has been granted § 85 support before (SEL85-REASSESS-12W: first-time grants). */
    public boolean hadGrantUnder(CitizenId citizen, Paragraph paragraph) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM grant_view WHERE citizen_id = ? AND paragraph = ? AND outcome = 'GRANTED'",
                Integer.class, citizen.value(), paragraph.name());
        return n != null && n > 0;
    }

    private CaseView caseView(ResultSet rs) throws SQLException {
        String id = rs.getString("application_id");
        List<GrantView> grants = jdbc.query("SELECT * FROM grant_view WHERE case_id = ? ORDER BY decided_on, grant_id",
                (r, i) -> grantView(r), id);
        return new CaseView(id, rs.getString("citizen_id"), rs.getString("municipality"),
                Paragraph.valueOf(rs.getString("paragraph")), rs.getString("status"), localDate(rs, "received_on"),
                rs.getBoolean("acute"), rs.getString("source"), rs.getString("team"), rs.getString("caseworker"),
                rs.getString("routed_to"), Json.read(rs.getString("services"), new TypeReference<>() {
                }), rs.getString("assessment_id"), Json.read(rs.getString("scores"), new TypeReference<>() {
                }), rs.getString("decision_id"), localDate(rs, "decided_on"), rs.getString("rule_set_version"),
                rs.getString("referred_to"), grants, deadlinesOfCase(id, true));
    }

    private static GrantView grantView(ResultSet rs) throws SQLException {
        return new GrantView(rs.getString("grant_id"), rs.getString("case_id"), Paragraph.valueOf(rs.getString("paragraph")),
                rs.getString("service_code"), rs.getString("service_name"), rs.getString("outcome"), rs.getString("status"),
                rs.getString("decision_id"), localDate(rs, "decided_on"), localDate(rs, "started_on"),
                localDate(rs, "ends_on"), rs.getString("end_reason"),
                Json.read(rs.getString("terms"), new TypeReference<>() {
                }), Json.read(rs.getString("coming_terms"), new TypeReference<>() {
                }), localDate(rs, "coming_terms_from"),
                Json.read(rs.getString("rule_ids"), new TypeReference<>() {
                }), rs.getString("rule_set_version"), rs.getString("action_plan"), rs.getBoolean("action_plan_offered"),
                (Boolean) rs.getObject("action_plan_accepted"), rs.getString("provider"));
    }

    static DeadlineView deadlineView(ResultSet rs, LocalDate today) throws SQLException {
        String state = rs.getString("state");
        LocalDate due = localDate(rs, "due_on");
        String status = switch (state) {
            case "MET" -> "DONE";
            case "CANCELLED" -> "CANCELLED";
            default -> due.isAfter(today) ? "UPCOMING" : due.isEqual(today) ? "DUE_TODAY" : "OVERDUE";
        };
        return new DeadlineView(rs.getString("deadline_key"), rs.getString("case_id"), rs.getString("kind"),
                rs.getString("rule_id"), due, localDate(rs, "window_opens_on"), status, rs.getString("closed_reason"));
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
