package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRoutedToUnit;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseworkerAssigned;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
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
                e.caseId().value(), e.municipality().value());
    }

    /** SEL85-UNDER25: a case routed to another unit is that unit's to handle. */
    @EventHandler
    void on(CaseRoutedToUnit e) {
        assign(e.applicationId().value(), e.unit(), null, true);
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
        Deadline d = e.deadline();
        jdbc.update("""
                        INSERT INTO deadline_view (deadline_key, case_id, kind, rule_id, due_on, window_opens_on, state, opened_at,
                                                   municipality, paragraph, team, caseworker)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, c.municipality, c.paragraph, c.team, c.caseworker
                        FROM (SELECT 1) one LEFT JOIN deadline_case c ON c.case_id = ?
                        ON CONFLICT (deadline_key) DO NOTHING""",
                d.id().value(), e.caseId().value(), d.kind().name(), d.rule().id(), CaseProjection.date(d.dueOn()),
                CaseProjection.date(d.windowOpensOn()), DeadlineStatus.State.OPEN.name(), CaseProjection.ts(at),
                e.caseId().value());
    }

    @EventHandler
    void on(DeadlineEvents.Fired e, @Timestamp Instant at) {
        jdbc.update("UPDATE deadline_view SET state = ?, fired_at = ? WHERE deadline_key = ? AND state = ?",
                DeadlineStatus.State.FIRED.name(), CaseProjection.ts(at), e.deadlineId().value(), DeadlineStatus.State.OPEN.name());
    }

    @EventHandler
    void on(DeadlineEvents.Closed e, @Timestamp Instant at) {
        if (e.deadlineId() != null) {
            close(e.deadlineId(), e.met(), e.closingReason(), at);
        }
    }

    @EventHandler
    void on(DeadlineEvents.ClosedMany e, @Timestamp Instant at) {
        e.closedDeadlineIds().forEach(id -> close(id, e.met(), e.closingReason(), at));
    }

    /** A deadline moved to a new last day (e.g. a decision's receipt confirmed later than presumed). */
    @EventHandler
    void on(DeadlineEvents.Moved e) {
        for (Deadline d : e.movedDeadlines()) {
            jdbc.update("UPDATE deadline_view SET due_on = ?, window_opens_on = ? WHERE deadline_key = ? AND state IN ('OPEN', 'FIRED')",
                    CaseProjection.date(d.dueOn()), CaseProjection.date(d.windowOpensOn()), d.id().value());
        }
    }

    private void close(DeadlineId id, boolean met, String reason, Instant at) {
        jdbc.update("""
                        UPDATE deadline_view SET state = ?, closed_at = ?, closed_reason = ?
                        WHERE deadline_key = ? AND state IN ('OPEN', 'FIRED')""",
                (met ? DeadlineStatus.State.MET : DeadlineStatus.State.CANCELLED).name(), CaseProjection.ts(at), reason, id.value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE deadline_view, deadline_case");
    }
}
