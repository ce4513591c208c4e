package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.HoursDrawn;
import dk.grantlifecycle.domain.decision.ProviderRelation;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What happened to one service line: its decisions, its start, its changes and its ledgers. */
public sealed interface GrantEvent extends CaseEvent {

    GrantId grantId();

    /** The grant's first event: the outcome of one requested service, granted or rejected. */
    sealed interface Opened extends GrantEvent {
        ApplicationId applicationId();

        ServiceDecision decision();

        MunicipalityId municipality();

        CitizenId citizenId();

        DecisionId decisionId();

        LocalDate decidedOn();

        RuleSetVersion ruleSetVersion();

        DecisionContent content();

        LocalDate receivedByCitizenOn();
    }

    @Revision("2")
    record ServiceGranted(GrantId grantId, CaseId caseId, ApplicationId applicationId, DecisionId decisionId,
                          LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                          RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                          LocalDate receivedByCitizenOn) implements Opened {
    }

    @Revision("2")
    record ServiceRejected(GrantId grantId, CaseId caseId, ApplicationId applicationId, DecisionId decisionId,
                           LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                           RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                           LocalDate receivedByCitizenOn) implements Opened {
    }

    /** SEL99-NO-VISITATION: outreach support with no application or assessment; citizenId null when anonymous. */
    @Revision("2")
    record OutreachContactStarted(GrantId grantId, CaseId caseId, MunicipalityId municipality, CitizenId citizenId,
                                  LocalDate startedOn, String description, RuleSetVersion ruleSetVersion)
            implements GrantEvent {
    }

    @Revision("2")
    record WrittenDecisionIssued(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate decidedOn,
                                 DecisionContent content, LocalDate receivedByCitizenOn) implements GrantEvent {
    }

    @Revision("2")
    record ActionPlanOffered(GrantId grantId, CaseId caseId, LocalDate offeredOn) implements GrantEvent {
    }

    @Revision("2")
    record ActionPlanAnswered(GrantId grantId, CaseId caseId, LocalDate answeredOn, boolean accepted) implements GrantEvent {
    }

    @Revision("2")
    record ProviderAssigned(GrantId grantId, CaseId caseId, String provider, ProviderRelation relation,
                            String individualAssessment, boolean citizenChoice, List<RuleId> ruleIds) implements GrantEvent {
    }

    @Revision("1")
    record ServiceStarted(GrantId grantId, CaseId caseId, Paragraph paragraph, LocalDate startedOn) implements GrantEvent {
    }

    @Revision("2")
    record ScopeIncreased(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate decidedOn, GrantTerms terms,
                          RuleSetVersion ruleSetVersion, DecisionContent content, LocalDate receivedByCitizenOn)
            implements GrantEvent {
    }

    /** A reduction decided: the current terms run until {@code effectiveOn}, then {@code terms} apply. */
    @Revision("2")
    record ScopeReduced(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate decidedOn, LocalDate effectiveOn,
                        GrantTerms terms, RuleId noticeRule, RuleSetVersion ruleSetVersion, DecisionContent content,
                        LocalDate receivedByCitizenOn, HearingId heardIn) implements GrantEvent {
    }

    /** An ending decided (END-REASONS); the grant ends on {@code effectiveOn} ({@link GrantEnded}). */
    @Revision("1")
    record GrantTerminated(GrantId grantId, CaseId caseId, Paragraph paragraph, DecisionId decisionId,
                           LocalDate decidedOn, LocalDate effectiveOn, EndReason reason, RuleId noticeRule,
                           RuleSetVersion ruleSetVersion, DecisionContent content, LocalDate receivedByCitizenOn,
                           boolean citizenDeclinesAfterCare, boolean endingWaitsForAppeal, HearingId heardIn)
            implements GrantEvent {
    }

    /**
     * The design card's "14-week notice for a BPA reduction": a reduction or ending that takes
     * effect later, under NOTICE-3A-14W (or on a later date the decision names).
     */
    /**
     * RECEIPT: the citizen's receipt of the decision as the letter or Digital Post system confirmed
     * it ({@code messageId}). A receipt later than presumed moves the complaint window and a pending
     * effect later ({@code movedDeadlines}; {@code reductionFrom} or {@code endsOn}: the new effective
     * date); an earlier one moves nothing, for the citizen may rely on what the letter said.
     */
    @Revision("2")
    record DecisionReceiptRecorded(GrantId grantId, CaseId caseId, DecisionId decisionId, DeliveryChannel channel,
                                   LocalDate receivedOn, String messageId, List<Deadline> movedDeadlines, LocalDate reductionFrom,
                                   LocalDate endsOn) implements GrantEvent, DeadlineEvents.Moved {
    }

    @Revision("2")
    record ReductionNoticeGiven(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate receivedOn,
                                Deadline deadline) implements GrantEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record ReductionTookEffect(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate effectiveOn, GrantTerms terms,
                               DeadlineId deadlineId) implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "the reduction took effect on " + effectiveOn;
        }
    }

    /** TEMPORARY-FIRST: the grant runs until {@code deadline}'s day, as decision {@code decisionId} says. */
    @Revision("2")
    record GrantPeriodSet(GrantId grantId, CaseId caseId, DecisionId decisionId, Deadline deadline)
            implements GrantEvent, DeadlineEvents.Opened {
    }

    /** TEMPORARY-FIRST: a decision moved the grant's last day. */
    @Revision("2")
    record GrantPeriodChanged(GrantId grantId, CaseId caseId, DecisionId decisionId, List<Deadline> movedDeadlines)
            implements GrantEvent, DeadlineEvents.Moved {
    }

    /** The grant no longer ends by itself: a decision gave it no end date, or it ended earlier. */
    @Revision("2")
    record GrantPeriodLifted(GrantId grantId, CaseId caseId, DecisionId decisionId, DeadlineId deadlineId, String closingReason)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return false;
        }
    }

    @Revision("2")
    record GrantEnded(GrantId grantId, CaseId caseId, Paragraph paragraph, DecisionId decisionId, LocalDate endedOn,
                      EndReason reason, boolean citizenDeclinesAfterCare, DeadlineId deadlineId)
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
    @Revision("2")
    record EffectSuspendedPendingAppeal(GrantId grantId, CaseId caseId, DecisionId decisionId, ComplaintId complaintId,
                                        RuleId ruleId, DeadlineId deadlineId) implements GrantEvent, DeadlineEvents.Fired {
    }

    /** A decision that no longer stands (changed on reconsideration or by Ankestyrelsen): its pending effect is cancelled. */
    @Revision("2")
    record DecisionRevoked(GrantId grantId, CaseId caseId, DecisionId decisionId, ComplaintId complaintId, String reason,
                           GrantTerms restoredTerms, boolean reinstated, DeadlineId deadlineId)
            implements GrantEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return reason;
        }
    }

    /** COMPLAINT-WINDOW: the citizen may complain until the deadline's last day (DEADLINE-COUNT from receipt). */
    @Revision("2")
    record ComplaintWindowOpened(GrantId grantId, CaseId caseId, DecisionId decisionId, LocalDate receivedOn,
                                 Deadline deadline) implements GrantEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record ComplaintWindowClosed(GrantId grantId, CaseId caseId, DecisionId decisionId, DeadlineId deadlineId, String reason)
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
    record ComplaintReceived(GrantId grantId, CaseId caseId, ComplaintId complaintId, DecisionId decisionId, LocalDate receivedOn,
                             StatementForm form, ComplaintSubject subject, String summary, boolean late,
                             LocalDate windowEndsOn) implements GrantEvent {
    }

    @Revision("2")
    record ComplaintNotAppealable(GrantId grantId, CaseId caseId, ComplaintId complaintId, String reason, RuleId ruleId)
            implements GrantEvent {
    }

    @Revision("2")
    record ReconsiderationDeadlineSet(GrantId grantId, CaseId caseId, ComplaintId complaintId, Deadline deadline)
            implements GrantEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record ReconsiderationDue(GrantId grantId, CaseId caseId, ComplaintId complaintId, DeadlineId deadlineId, LocalDate dueOn)
            implements GrantEvent, DeadlineEvents.Fired {
    }

    @Revision("2")
    record ComplaintReconsidered(GrantId grantId, CaseId caseId, ComplaintId complaintId, LocalDate reconsideredOn,
                                 ReconsiderationOutcome outcome, String reasons, DeadlineId deadlineId)
            implements GrantEvent, DeadlineEvents.Closed {
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
    record DecisionChangedInFavour(GrantId grantId, CaseId caseId, Paragraph paragraph, ComplaintId complaintId,
                                   DecisionId changedDecisionId, DecisionId newDecisionId, LocalDate decidedOn,
                                   GrantTerms terms, RuleSetVersion ruleSetVersion, List<Cadence> cadences,
                                   boolean nowGranted, DecisionContent content, LocalDate receivedByCitizenOn)
            implements GrantEvent {
    }

    @Revision("2")
    record ComplaintEscalatedToAnkestyrelsen(GrantId grantId, CaseId caseId, ComplaintId complaintId, DecisionId decisionId,
                                             LocalDate sentOn, List<String> caseMaterial, Deadline deadline)
            implements GrantEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record AppealDecisionOverdue(GrantId grantId, CaseId caseId, ComplaintId complaintId, DeadlineId deadlineId,
                                 LocalDate expectedBy) implements GrantEvent, DeadlineEvents.Fired {
    }

    /** APPEAL-OUTCOME; {@code applicationId} names the application a remitted case reopens (null for § 99 outreach). */
    @Revision("2")
    record AppealDecided(GrantId grantId, CaseId caseId, ApplicationId applicationId, ComplaintId complaintId,
                         DecisionId decisionId, AppealOutcome outcome, LocalDate decidedOn, LocalDate receivedOn,
                         String reference, DeadlineId deadlineId)
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

    @Revision("2")
    record SuspensionGrantedByAnkestyrelsen(GrantId grantId, CaseId caseId, ComplaintId complaintId, DecisionId decisionId,
                                            LocalDate grantedOn, String reference) implements GrantEvent {
    }

    @Revision("2")
    record ShelterNotificationDue(GrantId grantId, CaseId caseId, ShelterNotice kind, Deadline deadline)
            implements GrantEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record ShelterNotificationOverdue(GrantId grantId, CaseId caseId, DeadlineId deadlineId, LocalDate dueOn)
            implements GrantEvent, DeadlineEvents.Fired {
    }

    @Revision("2")
    record ShelterNotified(GrantId grantId, CaseId caseId, ShelterNotice kind, LocalDate receivedOn, boolean late,
                           DeadlineId deadlineId) implements GrantEvent, DeadlineEvents.Closed {
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
    @Revision("2")
    record CompanionHoursUsed(GrantId grantId, CaseId caseId, YearMonth month, BigDecimal hours, List<HoursDrawn> drawnFrom,
                              BigDecimal balanceAfter) implements GrantEvent {
    }

    @Revision("2")
    record ContactHoursUsed(GrantId grantId, CaseId caseId, YearMonth month, BigDecimal hours) implements GrantEvent {
    }

    /** SEL98-HOURS */
    @Revision("2")
    record ContactHoursMoved(GrantId grantId, CaseId caseId, YearMonth from, YearMonth to, BigDecimal hours, String reason)
            implements GrantEvent {
    }

    @Revision("2")
    record CompanionExpensesGranted(GrantId grantId, CaseId caseId, int year, BigDecimal amount) implements GrantEvent {
    }

    @Revision("2")
    record HolidaySupportRecorded(GrantId grantId, CaseId caseId, LocalDate from, LocalDate to, int days, int usedInYear)
            implements GrantEvent {
    }

    @Revision("2")
    record OwnPaymentAssessed(GrantId grantId, CaseId caseId, LocalDate from, LocalDate to, BigDecimal amount, String basis)
            implements GrantEvent {
    }

    @Revision("2")
    record TransportContributionAssessed(GrantId grantId, CaseId caseId, YearMonth month, BigDecimal citizenPays,
                                         BigDecimal municipalityPays) implements GrantEvent {
    }
}
