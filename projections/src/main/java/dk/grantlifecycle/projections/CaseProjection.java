package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentStarted;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.lifecycle.CaseStatus;
import dk.grantlifecycle.domain.lifecycle.GrantStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's current state and its service lines, as the caseworker's screens show them. Rows are
 * written with absolute values keyed by aggregate id, so a redelivered event changes nothing;
 * the processor runs in one segment, so events apply in the order they were stored.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection {

    public static final String PROCESSING_GROUP = "cases";

    private final JdbcTemplate jdbc;

    public CaseProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApplicationReceived e, @Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO case_view (application_id, citizen_id, municipality, paragraph, status, received_on, acute,
                                               source, team, services, rule_set_version, updated_at, personal_data,
                                               case_reference, age_band)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                        ON CONFLICT (application_id) DO NOTHING""",
                e.applicationId().value(), e.citizenId() == null ? null : e.citizenId().value(), e.municipality().value(),
                e.paragraph().name(), CaseStatus.INITIAL.name(),
                date(e.receivedOn()), e.acute(), e.source() == null ? null : e.source().channel().name(), e.team(),
                Json.write(e.services()), String.valueOf(e.ruleSetVersion()), ts(at), personalData(e),
                e.anonymous() == null ? null : e.anonymous().caseReference(),
                e.anonymous() == null || e.anonymous().ageBand() == null ? null : e.anonymous().ageBand().toString());
    }

    /** PII-NOT-IN-CLEAR: the view says whether personal data exists, never what it is. */
    static String personalData(ApplicationReceived e) {
        if (e.citizen() == null) {
            return "ANONYMOUS";
        }
        return e.citizen().erased() ? "ERASED" : "PRESENT";
    }

    /** NO-DELETE-WITHOUT-ARCHIVE: the citizen's key is gone, so every case of the citizen reads as erased. */
    @EventHandler
    void on(CitizenDataErased e) {
        jdbc.update("UPDATE case_view SET personal_data = 'ERASED' WHERE citizen_id = ?", e.citizenId().value());
    }

    @EventHandler
    void on(CaseworkerAssigned e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "team = ?, caseworker = ?", e.team(), e.caseworker());
    }

    @EventHandler
    void on(CaseRoutedToUnit e, @Timestamp Instant at) {
        // SEL85-UNDER25: the routed unit's case: its team, and no caseworker until the unit assigns one.
        update(e.applicationId().value(), at, "routed_to = ?, team = ?, caseworker = NULL", e.unit(), e.unit());
    }

    @EventHandler
    void on(AssessmentStarted e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "assessment_id = ?", e.assessmentId().value());
    }

    @EventHandler
    void on(AssessmentAttached e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "assessment_id = ?, scores = ?::jsonb, status = ?", e.assessmentId().value(),
                Json.write(e.scores()), caseStatusAfter(e));
    }

    @EventHandler
    void on(ApplicationReferredElsewhere e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "status = ?, referred_to = ?", caseStatusAfter(e), e.referredTo());
    }

    @EventHandler
    void on(ApplicationDecided e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "status = ?, decision_id = ?, decided_on = ?, rule_set_version = ?, referred_to = ?",
                caseStatusAfter(e), e.decisionId().value(), date(e.decidedOn()), String.valueOf(e.ruleSetVersion()), e.referredTo());
    }

    @EventHandler
    void on(ApplicationWithdrawn e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "status = ?", caseStatusAfter(e));
    }

    @EventHandler
    void on(CaseRemitted e, @Timestamp Instant at) {
        update(e.applicationId().value(), at, "status = ?", caseStatusAfter(e));
    }

    @EventHandler
    void on(ServiceGranted e, @Timestamp Instant at) {
        insertGrant(e, at);
    }

    @EventHandler
    void on(ServiceRejected e, @Timestamp Instant at) {
        insertGrant(e, at);
    }

    private void insertGrant(GrantEvent.Opened e, Instant at) {
        ServiceDecision d = e.decision();
        jdbc.update("""
                        INSERT INTO grant_view (grant_id, case_id, citizen_id, municipality, paragraph, service_code, service_name,
                                                outcome, status, decision_id, decided_on, terms, rule_ids, rule_set_version,
                                                action_plan, reason, referral, findings, keeps_hours, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                        ON CONFLICT (grant_id) DO NOTHING""",
                e.grantId().value(), e.caseId().value(), e.citizenId() == null ? null : e.citizenId().value(),
                e.municipality().value(), d.paragraph().name(), d.service().code(), d.service().name(), d.outcome().name(),
                GrantStatus.opening(e).name(), e.decisionId().value(), date(e.decidedOn()), Json.write(d.terms()),
                Json.write(d.grounds().ruleIds()), String.valueOf(e.ruleSetVersion()), d.plan().actionPlan().name(),
                d.grounds().reason(), Json.write(d.grounds().referral()), Json.write(d.grounds().findings()), d.hours() != null, ts(at));
    }

    @EventHandler
    void on(OutreachContactStarted e, @Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO grant_view (grant_id, case_id, citizen_id, municipality, paragraph, service_code, service_name,
                                                outcome, status, decided_on, started_on, rule_set_version, updated_at)
                        VALUES (?, ?, ?, ?, 'SEL99', 'SEL99', ?, 'GRANTED', ?, ?, ?, ?, ?)
                        ON CONFLICT (grant_id) DO NOTHING""",
                e.grantId().value(), e.caseId().value(), e.citizenId() == null ? null : e.citizenId().value(),
                e.municipality().value(), e.description(), GrantStatus.opening(e).name(), date(e.startedOn()), date(e.startedOn()),
                String.valueOf(e.ruleSetVersion()), ts(at));
    }

    @EventHandler
    void on(ActionPlanOffered e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "action_plan_offered = TRUE");
    }

    @EventHandler
    void on(ActionPlanAnswered e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "action_plan_accepted = ?", e.accepted());
    }

    @EventHandler
    void on(ProviderAssigned e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "provider = ?", e.provider());
    }

    @EventHandler
    void on(ServiceStarted e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "status = ?, started_on = ?", grantStatusAfter(e), date(e.startedOn()));
    }

    @EventHandler
    void on(ScopeIncreased e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "terms = ?::jsonb, coming_terms = NULL, coming_terms_from = NULL",
                Json.write(e.terms()));
    }

    /** NOTICE-3A-14W: until the effective date the current terms run; the grant shows both. */
    @EventHandler
    void on(ScopeReduced e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "coming_terms = ?::jsonb, coming_terms_from = ?", Json.write(e.terms()),
                date(e.effectiveOn()));
    }

    /** RECEIPT confirmed later than presumed: a pending reduction or ending takes effect later. */
    @EventHandler
    void on(DecisionReceiptRecorded e, @Timestamp Instant at) {
        if (e.reductionFrom() != null) {
            updateGrant(e.grantId().value(), at, "coming_terms_from = ?", date(e.reductionFrom()));
        }
        if (e.endsOn() != null) {
            updateGrant(e.grantId().value(), at, "ends_on = ?", date(e.endsOn()));
        }
    }

    @EventHandler
    void on(ReductionTookEffect e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "terms = ?::jsonb, coming_terms = NULL, coming_terms_from = NULL",
                Json.write(e.terms()));
    }

    @EventHandler
    void on(GrantTerminated e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "ends_on = ?, end_reason = ?", date(e.effectiveOn()), e.reason().name());
    }

    @EventHandler
    void on(GrantEnded e, @Timestamp Instant at) {
        updateGrant(e.grantId().value(), at, "status = ?, ends_on = ?, end_reason = ?", grantStatusAfter(e), date(e.endedOn()),
                e.reason().name());
    }

    @EventHandler
    void on(DecisionRevoked e, @Timestamp Instant at) {
        if (e.restoredTerms() != null) {
            updateGrant(e.grantId().value(), at, "terms = ?::jsonb, coming_terms = NULL, coming_terms_from = NULL",
                    Json.write(e.restoredTerms()));
        } else {
            updateGrant(e.grantId().value(), at, "ends_on = NULL, end_reason = NULL, coming_terms = NULL, coming_terms_from = NULL,"
                    + " status = ?", grantStatusAfter(e));
        }
    }

    @EventHandler
    void on(DecisionChangedInFavour e, @Timestamp Instant at) {
        if (e.nowGranted()) {
            updateGrant(e.grantId().value(), at, "outcome = 'GRANTED', status = ?, decision_id = ?, decided_on = ?, terms = ?::jsonb",
                    grantStatusAfter(e), e.newDecisionId().value(), date(e.decidedOn()), Json.write(e.terms()));
        } else if (e.terms() != null) {
            updateGrant(e.grantId().value(), at, "terms = ?::jsonb", Json.write(e.terms()));
        }
    }

    @EventHandler
    void on(ComplaintReceived e, @Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO complaint_view (complaint_id, grant_id, case_id, decision_id, received_on, form, subject, late,
                                                    window_ends_on, status, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_RECONSIDERATION', ?)
                        ON CONFLICT (complaint_id) DO NOTHING""",
                e.complaintId().value(), e.grantId().value(), e.caseId().value(), e.decisionId().value(), date(e.receivedOn()), e.form().name(),
                e.subject().name(), e.late(), date(e.windowEndsOn()), ts(at));
    }

    @EventHandler
    void on(ComplaintNotAppealable e, @Timestamp Instant at) {
        updateComplaint(e.complaintId().value(), at, "status = 'NOT_APPEALABLE'");
    }

    @EventHandler
    void on(ComplaintReconsidered e, @Timestamp Instant at) {
        updateComplaint(e.complaintId().value(), at, "reconsidered_on = ?, reconsideration = ?, status = ?", date(e.reconsideredOn()),
                e.outcome().name(), e.outcome().name().equals("CHANGED_IN_FAVOUR") ? "CHANGED_IN_FAVOUR" : "UPHELD");
    }

    @EventHandler
    void on(ComplaintEscalatedToAnkestyrelsen e, @Timestamp Instant at) {
        updateComplaint(e.complaintId().value(), at, "status = 'AT_ANKESTYRELSEN', sent_on = ?, case_material = ?::jsonb",
                date(e.sentOn()), Json.write(e.caseMaterial()));
    }

    @EventHandler
    void on(SuspensionGrantedByAnkestyrelsen e, @Timestamp Instant at) {
        updateComplaint(e.complaintId().value(), at, "suspended = TRUE");
    }

    @EventHandler
    void on(AppealDecided e, @Timestamp Instant at) {
        updateComplaint(e.complaintId().value(), at, "status = 'APPEAL_DECIDED', appeal_outcome = ?, appeal_received_on = ?",
                e.outcome().name(), date(e.receivedOn()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE case_view, grant_view, complaint_view");
    }

    /** The case's status after the event, by the one status model (the view's rows of a case apply in order). */
    private String caseStatusAfter(ApplicationEvent e) {
        String current = jdbc.queryForObject("SELECT status FROM case_view WHERE application_id = ?", String.class,
                e.applicationId().value());
        return CaseStatus.valueOf(current).after(e).name();
    }

    private String grantStatusAfter(GrantEvent e) {
        return jdbc.queryForObject("SELECT status, started_on FROM grant_view WHERE grant_id = ?", (rs, i) ->
                GrantStatus.valueOf(rs.getString(1)).after(e, rs.getDate(2) != null || e instanceof ServiceStarted).name(),
                e.grantId().value());
    }

    private void update(String applicationId, Instant at, String set, Object... args) {
        Object[] all = append(args, ts(at), applicationId);
        jdbc.update("UPDATE case_view SET " + set + ", updated_at = ? WHERE application_id = ?", all);
    }

    private void updateGrant(String grantId, Instant at, String set, Object... args) {
        Object[] all = append(args, ts(at), grantId);
        jdbc.update("UPDATE grant_view SET " + set + ", updated_at = ? WHERE grant_id = ?", all);
    }

    private void updateComplaint(String complaintId, Instant at, String set, Object... args) {
        Object[] all = append(args, ts(at), complaintId);
        jdbc.update("UPDATE complaint_view SET " + set + ", updated_at = ? WHERE complaint_id = ?", all);
    }

    private static Object[] append(Object[] args, Object... more) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
