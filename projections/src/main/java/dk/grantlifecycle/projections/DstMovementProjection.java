package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * DST-REPORT: the grant starts, changes and ends of the paragraphs Danmarks Statistik counts
 * (§§ 82a/b, 85, 95-98, 102-104, 107, 108), each by the date it happened and the month it
 * belongs to. Keyed by event id: a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DstMovementProjection.PROCESSING_GROUP)
public class DstMovementProjection {

    public static final String PROCESSING_GROUP = "dst";

    static final Set<Paragraph> REPORTED = EnumSet.of(Paragraph.SEL82A, Paragraph.SEL82B, Paragraph.SEL85, Paragraph.SEL95,
            Paragraph.SEL96, Paragraph.SEL97, Paragraph.SEL98, Paragraph.SEL102, Paragraph.SEL103, Paragraph.SEL104,
            Paragraph.SEL107, Paragraph.SEL108);

    private final JdbcTemplate jdbc;

    public DstMovementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ServiceGranted e) {
        if (REPORTED.contains(e.decision().paragraph())) {
            jdbc.update("""
                            INSERT INTO dst_grant (grant_id, case_id, citizen_id, municipality, paragraph) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (grant_id) DO NOTHING""",
                    e.grantId().value(), e.caseId(), e.citizenId() == null ? null : e.citizenId().value(),
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
