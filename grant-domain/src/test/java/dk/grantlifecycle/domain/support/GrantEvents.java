package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.HourScheme;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.decision.ServiceDecision.Grounds;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.Plan;
import dk.grantlifecycle.domain.decision.ServiceDecision.Service;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintReceived;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintReconsidered;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowClosed;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.EffectSuspendedPendingAppeal;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantTerminated;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDeadlineSet;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeReduced;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceRejected;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotificationDue;
import dk.grantlifecycle.domain.grant.GrantEvent.SuspensionGrantedByAnkestyrelsen;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswered;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;

/**
 * The events of a grant line's history ({@link Cases#GRANT} of {@link Cases#CASE}), given to the
 * grant's fixture in the shapes its commands record them. Same style as {@link Cases}: static
 * factories, one per event, every date written by the test; the deadline ids are the grant's
 * ({@code <grant>/<purpose>/<what>}).
 */
public final class GrantEvents {

    /** A reduction or ending decided after the grant. */
    public static final DecisionId REDUCTION = DecisionId.of("decision-0002");
    /** The new decision when a complaint changes a decision in the citizen's favour. */
    public static final DecisionId CHANGE = DecisionId.of("decision-0003");
    public static final ComplaintId COMPLAINT = ComplaintId.of("complaint-1");
    public static final HearingId HEARING = HearingId.of("hearing-1");

    private GrantEvents() {
    }

    /** The hour scheme a grant carries from Lejre's rules (law file: § 97 fixed hours that may be saved, § 98 moved). */
    public static HourScheme hoursOf(Paragraph p) {
        return switch (p) {
            case SEL97 -> new HourScheme(15, false, 90, Period.ofMonths(6), true, false);
            case SEL98 -> new HourScheme(null, null, null, null, false, true);
            default -> null;
        };
    }

    public static ServiceDecision grantedOutcome(Paragraph p, GrantTerms terms, ActionPlanDuty actionPlan) {
        return new ServiceDecision(GRANT, p, Service.named("SERVICE", "service"), Outcome.GRANTED, terms,
                new Grounds(List.of(), null, List.of(), List.of()), new Plan(actionPlan, true, List.of(), null), hoursOf(p));
    }

    public static ServiceDecision rejectedOutcome(Paragraph p, String reason) {
        return new ServiceDecision(GRANT, p, Service.named("SERVICE", "service"), Outcome.REJECTED, null,
                new Grounds(List.of(), reason, List.of(), List.of()), Plan.NONE, null);
    }

    /** The version is the one in force on the decision date in the tests' rule files; the grant keeps it, it judges nothing by it. */
    private static RuleSetVersion version(MunicipalityId m, Paragraph p, LocalDate on) {
        return TestRules.FIXTURE.inForce(m, p, on).version();
    }

    /** The decision {@link Cases#DECISION} granted the service, received by the citizen the day it was made. */
    public static ServiceGranted granted(Paragraph p, LocalDate decidedOn, GrantTerms terms) {
        return granted(p, decidedOn, terms, ActionPlanDuty.NOT_REQUIRED, LEJRE);
    }

    public static ServiceGranted granted(Paragraph p, LocalDate decidedOn, GrantTerms terms, ActionPlanDuty actionPlan,
                                         MunicipalityId m) {
        return new ServiceGranted(GRANT, CASE, APPLICATION, DECISION, decidedOn, CITIZEN, m, version(m, p, decidedOn),
                grantedOutcome(p, terms, actionPlan), content(), decidedOn);
    }

    /** The decision {@link Cases#DECISION} rejected the service, received by the citizen the day it was made. */
    public static ServiceRejected rejected(Paragraph p, LocalDate decidedOn) {
        return new ServiceRejected(GRANT, CASE, APPLICATION, DECISION, decidedOn, CITIZEN, LEJRE, version(LEJRE, p, decidedOn),
                rejectedOutcome(p, "no"), content(), decidedOn);
    }

    public static ServiceStarted started(Paragraph p, LocalDate on) {
        return new ServiceStarted(GRANT, CASE, p, on);
    }

    /** COMPLAINT-WINDOW of a decision: {@code <grant>/complaint-window/<decision>}. */
    public static DeadlineId complaintWindow(DecisionId decision) {
        return DeadlineId.of(GRANT, "complaint-window", decision);
    }

    /** The citizen may complain about {@code decision} until the end of {@code lastDay}. */
    public static ComplaintWindowOpened windowOpened(DecisionId decision, LocalDate receivedOn, LocalDate lastDay) {
        return new ComplaintWindowOpened(GRANT, CASE, decision, receivedOn, Deadline.of(complaintWindow(decision),
                DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW, lastDay, Party.CITIZEN));
    }

    public static ComplaintWindowClosed windowClosed(DecisionId decision, String reason) {
        return new ComplaintWindowClosed(GRANT, CASE, decision, complaintWindow(decision), reason);
    }

    /** A written complaint about {@code decision}, closing its window as the grant records it. */
    public static ComplaintReceived complaintReceived(ComplaintId complaint, DecisionId decision, LocalDate on,
                                                      LocalDate windowEndsOn) {
        return new ComplaintReceived(GRANT, CASE, complaint, decision, on, StatementForm.WRITTEN, ComplaintSubject.DECISION,
                "I disagree", on.isAfter(windowEndsOn), windowEndsOn);
    }

    public static ComplaintWindowClosed windowClosedByComplaint(DecisionId decision, LocalDate complaintOn) {
        return windowClosed(decision, "complaint received on " + complaintOn);
    }

    /** COMPLAINT-RECONSIDER, BPA-COMPLAINT-2W, NOTICE-3A-COMPLAINT: {@code <grant>/reconsideration/<complaint>}. */
    public static DeadlineId reconsideration(ComplaintId complaint) {
        return DeadlineId.of(GRANT, "reconsideration", complaint);
    }

    public static ReconsiderationDeadlineSet reconsiderationSet(ComplaintId complaint, RuleId rule, LocalDate dueOn) {
        return new ReconsiderationDeadlineSet(GRANT, CASE, complaint,
                Deadline.of(reconsideration(complaint), DeadlineKind.RECONSIDERATION, rule, dueOn, Party.MUNICIPALITY));
    }

    public static ComplaintReconsidered reconsidered(ComplaintId complaint, LocalDate on, ReconsiderationOutcome outcome,
                                                     String reasons) {
        return new ComplaintReconsidered(GRANT, CASE, complaint, on, outcome, reasons, reconsideration(complaint));
    }

    /** APPEAL-OUTCOME, NOTICE-3A-COMPLAINT: {@code <grant>/escalation/<complaint>}. */
    public static DeadlineId escalation(ComplaintId complaint) {
        return DeadlineId.of(GRANT, "escalation", complaint);
    }

    public static ComplaintEscalatedToAnkestyrelsen escalated(ComplaintId complaint, DecisionId decision, LocalDate sentOn,
                                                              RuleId rule, LocalDate expectedBy) {
        return new ComplaintEscalatedToAnkestyrelsen(GRANT, CASE, complaint, decision, sentOn,
                List.of("decision letter", "VUM assessment", "complaint"),
                Deadline.of(escalation(complaint), DeadlineKind.ESCALATION, rule, expectedBy, Party.MUNICIPALITY));
    }

    public static SuspensionGrantedByAnkestyrelsen suspensionGranted(ComplaintId complaint, DecisionId decision, LocalDate on,
                                                                     String reference) {
        return new SuspensionGrantedByAnkestyrelsen(GRANT, CASE, complaint, decision, on, reference);
    }

    /** A reduction to {@code terms}, taking effect on {@code effectiveOn}, sent by Digital Post on the day. */
    public static ScopeReduced reduced(Paragraph p, DecisionId decision, LocalDate decidedOn, LocalDate effectiveOn,
                                       GrantTerms terms, RuleId noticeRule) {
        return new ScopeReduced(GRANT, CASE, decision, decidedOn, effectiveOn, terms, noticeRule,
                version(LEJRE, p, decidedOn), content(), decidedOn, null);
    }

    /** An ending for {@code reason}, taking effect on {@code effectiveOn}, sent by Digital Post on the day. */
    public static GrantTerminated terminated(Paragraph p, DecisionId decision, LocalDate decidedOn, LocalDate effectiveOn,
                                             EndReason reason, RuleId noticeRule, boolean waitsForAppeal) {
        return new GrantTerminated(GRANT, CASE, p, decision, decidedOn, effectiveOn, reason, noticeRule,
                version(LEJRE, p, decidedOn), content(), decidedOn, false, waitsForAppeal, null);
    }

    /** NOTICE-3A-14W, COMPLAINT-NO-SUSPENSION: {@code <grant>/effect/<decision>}. */
    public static DeadlineId effect(DecisionId decision) {
        return DeadlineId.of(GRANT, "effect", decision);
    }

    /** The reduction or ending takes effect later: the municipality's deadline runs until {@code effectiveOn}. */
    public static ReductionNoticeGiven noticeGiven(DecisionId decision, LocalDate receivedOn, RuleId rule, LocalDate effectiveOn) {
        return new ReductionNoticeGiven(GRANT, CASE, decision, receivedOn,
                Deadline.of(effect(decision), DeadlineKind.NOTICE_EFFECTIVE, rule, effectiveOn, Party.MUNICIPALITY));
    }

    public static EffectSuspendedPendingAppeal effectSuspended(DecisionId decision, ComplaintId complaint, RuleId rule) {
        return new EffectSuspendedPendingAppeal(GRANT, CASE, decision, complaint, rule, effect(decision));
    }

    /** HEARING on the grant: {@code <grant>/hearing/<hearing>}, the citizen's deadline. */
    public static DeadlineId hearingDeadline(HearingId hearing) {
        return DeadlineId.of(GRANT.value(), "hearing", hearing);
    }

    public static HearingRequested hearingRequested(HearingId hearing, LocalDate sentOn, String facts, LocalDate answerDueOn) {
        return new HearingRequested(CASE, GRANT.value(), hearing, sentOn, facts,
                Deadline.of(hearingDeadline(hearing), DeadlineKind.HEARING_ANSWER, RuleId.HEARING, answerDueOn, Party.CITIZEN), null);
    }

    public static HearingAnswered hearingAnswered(HearingId hearing, LocalDate answeredOn, String answer) {
        return new HearingAnswered(CASE, GRANT.value(), hearing, answeredOn, answer, hearingDeadline(hearing));
    }

    /** SHELTER-NOTIFY: {@code <grant>/shelter-admission} or {@code <grant>/shelter-discharge}. */
    public static DeadlineId shelterNotice(ShelterNotice kind) {
        return DeadlineId.of(GRANT, kind == ShelterNotice.ADMISSION ? "shelter-admission" : "shelter-discharge", null);
    }

    /** The shelter's notice is a third party's deadline: in time until the end of {@code dueOn}. */
    public static ShelterNotificationDue shelterNoticeDue(ShelterNotice kind, LocalDate dueOn) {
        return new ShelterNotificationDue(GRANT, CASE, kind,
                Deadline.of(shelterNotice(kind), DeadlineKind.SHELTER_NOTIFICATION, RuleId.SHELTER_NOTIFY, dueOn, Party.THIRD_PARTY));
    }
}
