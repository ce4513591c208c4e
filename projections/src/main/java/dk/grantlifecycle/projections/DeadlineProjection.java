package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRoutedToUnit;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseworkerAssigned;
import dk.grantlifecycle.domain.followup.FollowUpEvent.FollowUpScheduled;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import dk.grantlifecycle.domain.shared.DeadlineEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * One row per deadline of any kind, followed through the facets every aggregate's deadline
 * events share ({@link DeadlineEvents}): opened, fired (due and not done), closed (met or
 * cancelled with a reason). A deadline never silently disappears: it stays until closed. Each row
 * carries its case's municipality, paragraph, team and caseworker for the supervisors' queue; the
 * processor runs in one segment, so a case is known before its deadlines arrive.
 */
@Component
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
public class DeadlineProjection {

    public static final String PROCESSING_GROUP = "deadlines";

    private final JdbcTemplate jdbc;

    public DeadlineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApplicationReceived e) {
        String team = e.team();
        jdbc.update("""
                        INSERT INTO deadline_case (case_id, municipality, paragraph, team) VALUES (?, ?, ?, ?)
                        ON CONFLICT (case_id) DO NOTHING""",
                e.applicationId().value(), e.municipality().value(), e.paragraph().name(), team);
    }

    @EventHandler
    void on(OutreachContactStarted e) {
        jdbc.update("""
                        INSERT INTO deadline_case (case_id, municipality, paragraph) VALUES (?, ?, 'SEL99')
                        ON CONFLICT (case_id) DO NOTHING""",
                e.grantId().value(), e.municipality().value());
    }

    /** SEL85-UNDER25: a case routed to another unit is that unit's to handle. */
    @EventHandler
    void on(CaseRoutedToUnit e) {
        assign(e.applicationId().value(), e.unit(), null, false);
    }

    @EventHandler
    void on(CaseworkerAssigned e) {
        assign(e.applicationId().value(), e.team(), e.caseworker(), true);
    }

    private void assign(String caseId, String team, String caseworker, boolean withCaseworker) {
        String set = withCaseworker ? "team = COALESCE(?, team), caseworker = ?" : "team = ?";
        Object[] args = withCaseworker ? new Object[]{team, caseworker, caseId} : new Object[]{team, caseId};
        jdbc.update("UPDATE deadline_case SET " + set + " WHERE case_id = ?", args);
        jdbc.update("UPDATE deadline_view SET " + set + " WHERE case_id = ?", args);
    }

    @EventHandler
    void on(DeadlineEvents.Opened e, @Timestamp Instant at) {
        java.time.LocalDate windowOpens = e instanceof FollowUpScheduled s ? s.windowOpensOn() : null;
        jdbc.update("""
                        INSERT INTO deadline_view (deadline_key, case_id, kind, rule_id, due_on, window_opens_on, state, opened_at,
                                                   municipality, paragraph, team, caseworker)
                        SELECT ?, ?, ?, ?, ?, ?, 'OPEN', ?, c.municipality, c.paragraph, c.team, c.caseworker
                        FROM (SELECT 1) one LEFT JOIN deadline_case c ON c.case_id = ?
                        ON CONFLICT (deadline_key) DO NOTHING""",
                e.deadlineKey(), e.caseId(), e.deadlineKind().name(), e.ruleId(), CaseProjection.date(e.dueOn()),
                CaseProjection.date(windowOpens), CaseProjection.ts(at), e.caseId());
    }

    @EventHandler
    void on(DeadlineEvents.Fired e, @Timestamp Instant at) {
        jdbc.update("UPDATE deadline_view SET state = 'FIRED', fired_at = ? WHERE deadline_key = ? AND state = 'OPEN'",
                CaseProjection.ts(at), e.deadlineKey());
    }

    @EventHandler
    void on(DeadlineEvents.Closed e, @Timestamp Instant at) {
        close(e.deadlineKey(), e.met(), e.closingReason(), at);
    }

    @EventHandler
    void on(DeadlineEvents.ClosedMany e, @Timestamp Instant at) {
        e.closedDeadlineKeys().forEach(key -> close(key, e.met(), e.closingReason(), at));
    }

    private void close(String key, boolean met, String reason, Instant at) {
        jdbc.update("""
                        UPDATE deadline_view SET state = ?, closed_at = ?, closed_reason = ?
                        WHERE deadline_key = ? AND state IN ('OPEN', 'FIRED')""",
                met ? "MET" : "CANCELLED", CaseProjection.ts(at), reason, key);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE deadline_view, deadline_case");
    }
}
