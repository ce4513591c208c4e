package dk.grantlifecycle.api.citizen;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionChangedInFavour;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code citizen_grant} in step with the decisions, endings and reinstatements of every
 * citizen's grants. Runs in a subscribing processor, in the unit of work and transaction that
 * stores the events, so the record can never lag behind them; a failure here rolls the command
 * back. A decision's granted outcomes are recorded with the decision itself, before the case
 * process opens their grant lines.
 */
@Component
@ProcessingGroup(CitizenGrantsRecorder.PROCESSING_GROUP)
public class CitizenGrantsRecorder {

    public static final String PROCESSING_GROUP = "citizen-grants";

    private final JdbcTemplate jdbc;

    public CitizenGrantsRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApplicationDecided e) {
        if (e.citizenId() == null) {
            return; // ANONYMOUS: no citizen to link grants to
        }
        for (ServiceDecision d : e.outcomes()) {
            jdbc.update("""
                    INSERT INTO citizen_grant (grant_id, citizen_id, paragraph, granted, active) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (grant_id) DO NOTHING""",
                    d.grantId().value(), e.citizenId().value(), d.paragraph().name(), d.granted(), d.granted());
        }
    }

    @EventHandler
    void on(OutreachContactStarted e) {
        if (e.citizenId() != null) {
            jdbc.update("""
                    INSERT INTO citizen_grant (grant_id, citizen_id, paragraph, granted, active) VALUES (?, ?, 'SEL99', TRUE, TRUE)
                    ON CONFLICT (grant_id) DO NOTHING""", e.grantId().value(), e.citizenId().value());
        }
    }

    @EventHandler
    void on(GrantEnded e) {
        jdbc.update("UPDATE citizen_grant SET active = FALSE WHERE grant_id = ?", e.grantId().value());
    }

    @EventHandler
    void on(DecisionRevoked e) {
        if (e.reinstated()) {
            jdbc.update("UPDATE citizen_grant SET active = TRUE WHERE grant_id = ?", e.grantId().value());
        }
    }

    @EventHandler
    void on(DecisionChangedInFavour e) {
        if (e.nowGranted()) {
            jdbc.update("UPDATE citizen_grant SET granted = TRUE, active = TRUE WHERE grant_id = ?", e.grantId().value());
        }
    }
}
