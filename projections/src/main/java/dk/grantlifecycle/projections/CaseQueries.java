package dk.grantlifecycle.projections;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.grant.HourAccountStatement;
import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the case read models for the API. */
@Component
public class CaseQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final HourAccountReader hourAccounts;

    public CaseQueries(JdbcTemplate jdbc, Clock clock, HourAccountReader hourAccounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hourAccounts = hourAccounts;
    }

    /**
     * A case as its read models know it. {@code readModelIncomplete} says that a projection has parked
     * {@code parkedEvents} of the case's events (see the dead-letter queue, GET /admin/dead-letters):
     * until they are retried, this view, the case's deadlines or its audit trail miss what those events
     * and the case's later ones recorded. When the case's first event is parked, the view holds only
     * its id and the flag: the case exists, its view does not yet.
     */
    public record CaseView(String applicationId, String citizenId, String personalData, String caseReference, String ageBand,
                           String municipality, Paragraph paragraph, String status,
                           LocalDate receivedOn, boolean acute, String source, String team, String caseworker,
                           String routedTo, List<RequestedService> services, String assessmentId,
                           Map<String, VumLevel> scores, String decisionId, LocalDate decidedOn, String ruleSetVersion,
                           String referredTo, List<GrantView> grants, List<DeadlineView> deadlines,
                           boolean readModelIncomplete, int parkedEvents) {

        static CaseView onlyParked(String applicationId, int parkedEvents) {
            return new CaseView(applicationId, null, null, null, null, null, null, null, null, false, null, null, null, null, List.of(), null,
                    Map.of(), null, null, null, null, List.of(), List.of(), true, parkedEvents);
        }
    }

    public record GrantView(String grantId, String caseId, Paragraph paragraph, String serviceCode, String serviceName,
                            String outcome, String status, String decisionId, LocalDate decidedOn, LocalDate startedOn,
                            LocalDate endsOn, String endReason, GrantTerms terms, GrantTerms comingTerms,
                            LocalDate comingTermsFrom, List<String> ruleIds, String ruleSetVersion, String actionPlan,
                            boolean actionPlanOffered, Boolean actionPlanAccepted, String provider, String reason,
                            List<String> referral, List<String> findings, HourAccountStatement hourAccount) {
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

    /**
     * The case for its screen: also when its first event is parked, then with only its id and how
     * many of its events wait, so that a case the event store holds is never shown as unknown.
     */
    public Optional<CaseView> caseOrParked(String applicationId) {
        Optional<CaseView> found = caseById(applicationId);
        if (found.isPresent()) {
            return found;
        }
        int parked = parkedEventsOf(applicationId);
        return parked > 0 ? Optional.of(CaseView.onlyParked(applicationId, parked)) : Optional.empty();
    }

    /**
     * How many of the case's events the projections have parked in Axon's dead-letter queue, which
     * sequences them by case (see {@link CaseSequencingPolicy}).
     */
    public int parkedEventsOf(String caseId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE sequenceidentifier = ?", Integer.class, caseId);
        return n == null ? 0 : n;
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

    private CaseView caseView(ResultSet rs) throws SQLException {
        String id = rs.getString("application_id");
        int parked = parkedEventsOf(id);
        List<GrantView> grants = jdbc.query("SELECT * FROM grant_view WHERE case_id = ? ORDER BY decided_on, grant_id",
                (r, i) -> grantView(r), id);
        return new CaseView(id, rs.getString("citizen_id"), rs.getString("personal_data"), rs.getString("case_reference"),
                rs.getString("age_band"), rs.getString("municipality"),
                Paragraph.valueOf(rs.getString("paragraph")), rs.getString("status"), localDate(rs, "received_on"),
                rs.getBoolean("acute"), rs.getString("source"), rs.getString("team"), rs.getString("caseworker"),
                rs.getString("routed_to"), Json.read(rs.getString("services"), new TypeReference<>() {
                }), rs.getString("assessment_id"), Json.read(rs.getString("scores"), new TypeReference<>() {
                }), rs.getString("decision_id"), localDate(rs, "decided_on"), rs.getString("rule_set_version"),
                rs.getString("referred_to"), grants, deadlinesOfCase(id, true), parked > 0, parked);
    }

    private GrantView grantView(ResultSet rs) throws SQLException {
        return new GrantView(rs.getString("grant_id"), rs.getString("case_id"), Paragraph.valueOf(rs.getString("paragraph")),
                rs.getString("service_code"), rs.getString("service_name"), rs.getString("outcome"), rs.getString("status"),
                rs.getString("decision_id"), localDate(rs, "decided_on"), localDate(rs, "started_on"),
                localDate(rs, "ends_on"), rs.getString("end_reason"),
                Json.read(rs.getString("terms"), new TypeReference<>() {
                }), Json.read(rs.getString("coming_terms"), new TypeReference<>() {
                }), localDate(rs, "coming_terms_from"),
                Json.read(rs.getString("rule_ids"), new TypeReference<>() {
                }), rs.getString("rule_set_version"), rs.getString("action_plan"), rs.getBoolean("action_plan_offered"),
                (Boolean) rs.getObject("action_plan_accepted"), rs.getString("provider"), rs.getString("reason"),
                Json.read(rs.getString("referral"), new TypeReference<>() {
                }), Json.read(rs.getString("findings"), new TypeReference<>() {
                }), rs.getBoolean("keeps_hours")
                        ? hourAccounts.read(rs.getString("grant_id"), YearMonth.from(Copenhagen.today(clock))).orElse(null) : null);
    }

    static DeadlineView deadlineView(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = localDate(rs, "due_on");
        DeadlineStatus status = DeadlineStatus.of(DeadlineStatus.State.valueOf(rs.getString("state")), due, today);
        return new DeadlineView(rs.getString("deadline_key"), rs.getString("case_id"), rs.getString("kind"),
                rs.getString("rule_id"), due, localDate(rs, "window_opens_on"), status.name(), rs.getString("closed_reason"));
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
