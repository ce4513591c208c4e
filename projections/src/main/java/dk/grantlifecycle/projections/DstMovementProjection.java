package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.rules.RuleBook;

import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.GrantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * DST-REPORT: the grant starts, changes and ends of the paragraphs Danmarks Statistik counts
 * (§§ 82a/b, 85, 95-98, 102-104, 107, 108), each by the date it happened and the month it
 * belongs to. Keyed by event id: a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DstMovementProjection.PROCESSING_GROUP)
public class DstMovementProjection {

    public static final String PROCESSING_GROUP = "dst";


    private final JdbcTemplate jdbc;

    private final RuleBook rules;

    public DstMovementProjection(JdbcTemplate jdbc, RuleBook rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** DST-REPORT: whether the paragraph's grants are counted, by the law file in force on the decision date. */
    private boolean reported(ServiceGranted e) {
        return rules.general(e.municipality(), e.decidedOn()).dstReportedParagraphs().contains(e.decision().paragraph());
    }

    @EventHandler
    void on(ServiceGranted e) {
        if (reported(e)) {
            jdbc.update("""
                            INSERT INTO dst_grant (grant_id, case_id, citizen_id, municipality, paragraph) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (grant_id) DO NOTHING""",
                    e.grantId().value(), e.caseId().value(), e.citizenId() == null ? null : e.citizenId().value(),
                    e.municipality().value(), e.decision().paragraph().name());
        }
    }

    @EventHandler
    void on(ServiceStarted e, EventMessage<?> message) {
        movement(e, "START", e.startedOn(), message);
    }

    @EventHandler
    void on(ScopeIncreased e, EventMessage<?> message) {
        movement(e, "CHANGE", e.decidedOn(), message);
    }

    @EventHandler
    void on(ReductionTookEffect e, EventMessage<?> message) {
        movement(e, "CHANGE", e.effectiveOn(), message);
    }

    @EventHandler
    void on(DecisionRevoked e, EventMessage<?> message) {
        if (e.restoredTerms() != null || e.reinstated()) {
            movement(e, "CHANGE", LocalDate.ofInstant(message.getTimestamp(), dk.grantlifecycle.domain.shared.Copenhagen.ZONE), message);
        }
    }

    @EventHandler
    void on(GrantEnded e, EventMessage<?> message) {
        movement(e, "END", e.endedOn(), message);
    }

    private void movement(GrantEvent e, String kind, LocalDate on, EventMessage<?> message) {
        jdbc.update("""
                        INSERT INTO dst_movement (event_id, grant_id, citizen_id, municipality, paragraph, movement, occurred_on,
                                                  month, recorded_at)
                        SELECT ?, g.grant_id, g.citizen_id, g.municipality, g.paragraph, ?, ?, ?, ?
                        FROM dst_grant g WHERE g.grant_id = ?
                        ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), kind, CaseProjection.date(on), on.toString().substring(0, 7),
                CaseProjection.ts(message.getTimestamp()), e.grantId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE dst_movement, dst_grant");
    }
}
