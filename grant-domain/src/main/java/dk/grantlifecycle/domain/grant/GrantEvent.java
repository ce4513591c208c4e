package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.application.ApplicationId;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.DeadlineEvents;
import dk.grantlifecycle.domain.shared.DeadlineKind;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What happened to one service line: its decisions, its start, its changes and its ledgers. */
public sealed interface GrantEvent {

    GrantId grantId();

    /** The grant's first event: the outcome of one requested service, granted or rejected. */
    sealed interface Opened extends GrantEvent {
        String caseId();

        ServiceDecision decision();

        MunicipalityId municipality();

        CitizenId citizenId();

        DecisionId decisionId();

        LocalDate decidedOn();

        RuleSetVersion ruleSetVersion();

        DecisionContent content();

        LocalDate receivedByCitizenOn();
    }

    @Revision("1")
    record ServiceGranted(GrantId grantId, String caseId, ApplicationId applicationId, DecisionId decisionId,
                          LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                          RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                          LocalDate receivedByCitizenOn) implements Opened {
    }

    @Revision("1")
    record ServiceRejected(GrantId grantId, String caseId, ApplicationId applicationId, DecisionId decisionId,
                           LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                           RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                           LocalDate receivedByCitizenOn) implements Opened {
    }

    /** SEL99-NO-VISITATION: outreach support with no application or assessment; citizenId null when anonymous. */
    @Revision("1")
    record OutreachContactStarted(GrantId grantId, MunicipalityId municipality, CitizenId citizenId,
                                  LocalDate startedOn, String description, RuleSetVersion ruleSetVersion)
            implements GrantEvent {
    }

    @Revision("1")
    record WrittenDecisionIssued(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, DecisionContent content)
            implements GrantEvent {
    }

    @Revision("1")
    record ActionPlanOffered(GrantId grantId, LocalDate offeredOn) implements GrantEvent {
    }

    @Revision("1")
    record ActionPlanAnswered(GrantId grantId, LocalDate answeredOn, boolean accepted) implements GrantEvent {
    }

    @Revision("1")
    record ProviderAssigned(GrantId grantId, String provider, ProviderRelation relation, String individualAssessment,
                            boolean citizenChoice, List<String> ruleIds) implements GrantEvent {
    }

    @Revision("1")
    record ServiceStarted(GrantId grantId, String caseId, Paragraph paragraph, LocalDate startedOn) implements GrantEvent {
    }

    @Revision("1")
    record ScopeIncreased(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, GrantTerms terms,
                          RuleSetVersion ruleSetVersion, DecisionContent content, LocalDate receivedByCitizenOn)
            implements GrantEvent {
    }

    /** A reduction decided: the current terms run until {@code effectiveOn}, then {@code terms} apply. */
    @Revision("1")
    record ScopeReduced(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, LocalDate effectiveOn,
                        GrantTerms terms, String noticeRule, RuleSetVersion ruleSetVersion, DecisionContent content,
                        LocalDate receivedByCitizenOn) implements GrantEvent {
    }

    /** An ending decided (END-REASONS); the grant ends on {@code effectiveOn} ({@link GrantEnded}). */
    @Revision("1")
    record GrantTerminated(GrantId grantId, String caseId, Paragraph paragraph, DecisionId decisionId,
                           LocalDate decidedOn, LocalDate effectiveOn, EndReason reason, String noticeRule,
                           RuleSetVersion ruleSetVersion, DecisionContent content, LocalDate receivedByCitizenOn,
                           boolean citizenDeclinesAfterCare, boolean endingWaitsForAppeal) implements GrantEvent {
    }

    /**
     * The design card's "14-week notice for a BPA reduction": a reduction or ending that takes
     * effect later, under NOTICE-3A-14W (or on a later date the decision names).
     */
    @Revision("1")
    record ReductionNoticeGiven(GrantId grantId, String caseId, DecisionId decisionId, LocalDate receivedOn,
                                LocalDate effectiveOn, String ruleId, String deadlineKey, String scheduleId)
            implements GrantEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.NOTICE_EFFECTIVE;
        }

        @Override
        public LocalDate dueOn() {
            return effectiveOn;
        }
    }

    @Revision("1")
    record ReductionTookEffect(GrantId grantId, DecisionId decisionId, LocalDate effectiveOn, GrantTerms terms,
                               String deadlineKey) implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "the reduction took effect on " + effectiveOn;
        }
    }

    @Revision("1")
    record GrantEnded(GrantId grantId, String caseId, Paragraph paragraph, DecisionId decisionId, LocalDate endedOn,
                      EndReason reason, boolean citizenDeclinesAfterCare, String deadlineKey)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "the grant ended on " + endedOn;
        }
    }

    /** BPA-SUSPENSIVE, COMPLAINT-NO-SUSPENSION: the effect date came while the appeal holds the decision back. */
    @Revision("1")
    record EffectSuspendedPendingAppeal(GrantId grantId, DecisionId decisionId, String complaintId, String ruleId,
                                        String deadlineKey) implements GrantEvent, DeadlineEvents.Fired {
    }

    /** A decision that no longer stands (changed on reconsideration or by Ankestyrelsen): its pending effect is cancelled. */
    @Revision("1")
    record DecisionRevoked(GrantId grantId, DecisionId decisionId, String complaintId, String reason, GrantTerms restoredTerms,
                           boolean reinstated, String deadlineKey) implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return reason;
        }
    }

    /** COMPLAINT-WINDOW: the citizen may complain until {@code endsOn} (DEADLINE-COUNT from receipt). */
    @Revision("1")
    record ComplaintWindowOpened(GrantId grantId, String caseId, DecisionId decisionId, LocalDate receivedOn, LocalDate endsOn,
                                 String deadlineKey, String scheduleId) implements GrantEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.COMPLAINT_WINDOW;
        }

        @Override
        public LocalDate dueOn() {
            return endsOn;
        }

        @Override
        public String ruleId() {
            return "COMPLAINT-WINDOW";
        }
    }

    @Revision("1")
    record ComplaintWindowClosed(GrantId grantId, DecisionId decisionId, String deadlineKey, String reason)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return reason;
        }
    }

    /** COMPLAINT-ANY-FORM, COMPLAINT-WINDOW: a late complaint is recorded as late, never dropped. */
    @Revision("1")
    record ComplaintReceived(GrantId grantId, String caseId, String complaintId, DecisionId decisionId, LocalDate receivedOn,
                             ComplaintForm form, ComplaintSubject subject, String summary, boolean late,
                             LocalDate windowEndsOn) implements GrantEvent {
    }

    @Revision("1")
    record ComplaintNotAppealable(GrantId grantId, String complaintId, String reason, String ruleId) implements GrantEvent {
    }

    @Revision("1")
    record ReconsiderationDeadlineSet(GrantId grantId, String caseId, String complaintId, LocalDate dueOn, String ruleId,
                                      String deadlineKey, String scheduleId) implements GrantEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.RECONSIDERATION;
        }
    }

    @Revision("1")
    record ReconsiderationDue(GrantId grantId, String complaintId, String deadlineKey, LocalDate dueOn)
            implements GrantEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record ComplaintReconsidered(GrantId grantId, String complaintId, LocalDate reconsideredOn, ReconsiderationOutcome outcome,
                                 String reasons, String deadlineKey) implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "reconsidered on " + reconsideredOn + ": " + outcome;
        }
    }

    /** The new decision recorded when a complaint changes a decision in the citizen's favour. */
    @Revision("1")
    record DecisionChangedInFavour(GrantId grantId, String caseId, Paragraph paragraph, String complaintId,
                                   DecisionId changedDecisionId, DecisionId newDecisionId, LocalDate decidedOn,
                                   GrantTerms terms, RuleSetVersion ruleSetVersion, java.util.List<dk.grantlifecycle.domain.followup.Cadence> cadences,
                                   boolean nowGranted) implements GrantEvent {
    }

    @Revision("1")
    record ComplaintEscalatedToAnkestyrelsen(GrantId grantId, String caseId, String complaintId, DecisionId decisionId,
                                             LocalDate sentOn, java.util.List<String> caseMaterial, LocalDate expectedBy,
                                             String ruleId, String deadlineKey, String scheduleId)
            implements GrantEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.ESCALATION;
        }

        @Override
        public LocalDate dueOn() {
            return expectedBy;
        }
    }

    @Revision("1")
    record AppealDecisionOverdue(GrantId grantId, String complaintId, String deadlineKey, LocalDate expectedBy)
            implements GrantEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record AppealDecided(GrantId grantId, String caseId, String complaintId, DecisionId decisionId, AppealOutcome outcome,
                         LocalDate decidedOn, LocalDate receivedOn, String reference, String deadlineKey)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "Ankestyrelsen decided: " + outcome;
        }
    }

    @Revision("1")
    record SuspensionGrantedByAnkestyrelsen(GrantId grantId, String complaintId, DecisionId decisionId, LocalDate grantedOn,
                                            String reference) implements GrantEvent {
    }

    @Revision("1")
    record ShelterNotificationDue(GrantId grantId, String caseId, ShelterNotice kind, LocalDate dueOn, String deadlineKey,
                                  String scheduleId) implements GrantEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.SHELTER_NOTIFICATION;
        }

        @Override
        public String ruleId() {
            return "SHELTER-NOTIFY";
        }
    }

    @Revision("1")
    record ShelterNotificationOverdue(GrantId grantId, String deadlineKey, LocalDate dueOn)
            implements GrantEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record ShelterNotified(GrantId grantId, ShelterNotice kind, LocalDate receivedOn, boolean late, String deadlineKey)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return !late;
        }

        @Override
        public String closingReason() {
            return (late ? "late notice from the shelter received on " : "notice from the shelter received on ") + receivedOn;
        }
    }

    /** SEL97-SAVE-90H: hours drawn oldest first from the months they were credited in. */
    @Revision("1")
    record CompanionHoursUsed(GrantId grantId, YearMonth month, BigDecimal hours, List<CompanionHoursLedger.Draw> drawnFrom,
                              BigDecimal balanceAfter) implements GrantEvent {
    }

    @Revision("1")
    record ContactHoursUsed(GrantId grantId, YearMonth month, BigDecimal hours) implements GrantEvent {
    }

    /** SEL98-HOURS */
    @Revision("1")
    record ContactHoursMoved(GrantId grantId, YearMonth from, YearMonth to, BigDecimal hours, String reason)
            implements GrantEvent {
    }

    @Revision("1")
    record CompanionExpensesGranted(GrantId grantId, int year, BigDecimal amount) implements GrantEvent {
    }

    @Revision("1")
    record HolidaySupportRecorded(GrantId grantId, LocalDate from, LocalDate to, int days, int usedInYear)
            implements GrantEvent {
    }

    @Revision("1")
    record OwnPaymentAssessed(GrantId grantId, LocalDate from, LocalDate to, BigDecimal amount, String basis)
            implements GrantEvent {
    }

    @Revision("1")
    record TransportContributionAssessed(GrantId grantId, YearMonth month, BigDecimal citizenPays,
                                         BigDecimal municipalityPays) implements GrantEvent {
    }
}
