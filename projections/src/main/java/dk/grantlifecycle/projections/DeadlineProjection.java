package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.followup.FollowUpEvent.FollowUpScheduled;
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
 * cancelled with a reason). A deadline never silently disappears: it stays until closed.
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
    void on(DeadlineEvents.Opened e, @Timestamp Instant at) {
        java.time.LocalDate windowOpens = e instanceof FollowUpScheduled s ? s.windowOpensOn() : null;
        jdbc.update("""
                        INSERT INTO deadline_view (deadline_key, case_id, kind, rule_id, due_on, window_opens_on, state, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)
                        ON CONFLICT (deadline_key) DO NOTHING""",
                e.deadlineKey(), e.caseId(), e.deadlineKind().name(), e.ruleId(), CaseProjection.date(e.dueOn()),
                CaseProjection.date(windowOpens), CaseProjection.ts(at));
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
        jdbc.update("TRUNCATE deadline_view");
    }
}
