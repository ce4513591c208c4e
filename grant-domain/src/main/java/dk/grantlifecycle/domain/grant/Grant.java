package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Deadlines;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ProviderRelation;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.hearing.Hearings;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.ComplaintRules.Effect;
import dk.grantlifecycle.domain.rules.ComplaintRules.Reconsideration;
import dk.grantlifecycle.domain.rules.ComplaintRules;
import dk.grantlifecycle.domain.rules.DecisionRules;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.rules.TermsCheck;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One service line of a case from its decision on: granted or rejected, action plan
 * (ACTION-PLAN), provider (NO-FAMILY-PROVIDER, NO-FREE-CHOICE), start, changes of scope, ending
 * (END-REASONS, EXCL-99-SUPPLEMENT), the hour accounts of §§ 97-98, and the citizen's legal
 * protections: every decision has its complaint window (COMPLAINT-WINDOW), complaints are
 * reconsidered and escalated to Ankestyrelsen (COMPLAINT-RECONSIDER, APPEAL-OUTCOME), reductions
 * and endings take effect after notice (NOTICE-3A-14W) unless an appeal holds them back
 * (BPA-SUSPENSIVE, COMPLAINT-NO-SUSPENSION), and shelters' notices are tracked (SHELTER-NOTIFY).
 * The grant decides and applies; its members hold state: the line's {@link Decision}s and
 * {@link Complaint}s as entities, its deadlines, hearings and hour accounts as members.
 */
@AggregateRoot
public class Grant {

    @AggregateIdentifier
    private GrantId grantId;
    private CaseId caseId;
    private ApplicationId applicationId;
    private MunicipalityId municipality;
    private Paragraph paragraph;
    private boolean granted;
    private boolean ended;
    private DecisionId periodDecision;
    private GrantTerms terms;
    private ActionPlanDuty actionPlan = ActionPlanDuty.NOT_REQUIRED;
    private boolean actionPlanOffered;
    private LocalDate startedOn;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<DecisionId, Decision> decisions = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<ComplaintId, Complaint> complaints = new LinkedHashMap<>();
    @AggregateMember
    private final Deadlines deadlines = new Deadlines();
    @AggregateMember
    private final Hearings hearings = new Hearings();
    @AggregateMember
    private final HourAccounts hours = new HourAccounts();

    protected Grant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenGrant c, RuleBook rules, DeadlineManager scheduler) {
        if (grantId != null) {
            return;
        }
        ServiceDecision d = c.decision();
        CaseId caseOf = CaseId.of(c.applicationId());
        if (d.granted()) {
            apply(new ServiceGranted(c.grantId(), caseOf, c.applicationId(), c.decisionId(), c.decidedOn(), c.citizenId(),
                    c.municipality(), c.ruleSetVersion(), d, c.content(), c.receivedByCitizenOn()));
        } else {
            apply(new ServiceRejected(c.grantId(), caseOf, c.applicationId(), c.decisionId(), c.decidedOn(), c.citizenId(),
                    c.municipality(), c.ruleSetVersion(), d, c.content(), c.receivedByCitizenOn()));
        }
        LocalDate receipt = c.receivedByCitizenOn() == null ? c.decidedOn() : c.receivedByCitizenOn();
        openComplaintWindow(c.decisionId(), receipt, c.content(), rules.general(municipality, c.decidedOn()), rules.calendar(), scheduler);
        if (d.granted()) {
            followPeriod(c.decisionId(), d.terms(), scheduler);
        }
    }

    /**
     * TEMPORARY-FIRST: keeps the grant's period deadline in step with its terms as decided: opened
     * for a last day, moved when a decision changes it, lifted when a decision gives no end.
     */
    private void followPeriod(DecisionId decision, GrantTerms decided, DeadlineManager scheduler) {
        LocalDate lastDay = decided == null ? null : decided.validUntil();
        Optional<Deadline> current = deadlines.find(periodDeadline());
        if (lastDay == null) {
            current.ifPresent(d -> deadlines.close(new GrantPeriodLifted(grantId, caseId, decision, d.id(),
                    "decision " + decision + " gives the grant no end date"), scheduler));
        } else if (current.isEmpty()) {
            deadlines.open(Deadline.of(periodDeadline(), DeadlineKind.GRANT_PERIOD_END, RuleId.TEMPORARY_FIRST, lastDay, Party.MUNICIPALITY),
                    d -> new GrantPeriodSet(grantId, caseId, decision, d), scheduler);
        } else if (!current.get().dueOn().equals(lastDay)) {
            deadlines.move(new GrantPeriodChanged(grantId, caseId, decision, List.of(current.get().movedTo(lastDay))), scheduler);
        }
    }

    private DeadlineId periodDeadline() {
        return DeadlineId.of(grantId, "period-end", null);
    }

    @CommandHandler
    public Grant(StartOutreachContact c, RuleBook rules) {
        RuleViolation.require(c.startedOn() != null, RuleId.SEL99_NO_VISITATION, "startedOn", "is required");
        RulesInForce in = rules.inForce(c.municipality(), Paragraph.SEL99, c.startedOn());
        apply(new OutreachContactStarted(c.grantId(), CaseId.ofOutreach(c.grantId()), c.municipality(), c.citizenId(),
                c.startedOn(), c.description(), in.version()));
    }

    @CommandHandler
    public void handle(IssueWrittenDecision c, RuleBook rules, DeadlineManager scheduler) {
        InvalidState.check(paragraph == Paragraph.SEL99, "written decisions on request are for § 99 outreach support");
        RuleViolation.require(c.content() != null && c.content().hasReasons(), RuleId.SEL99_NO_VISITATION, "content",
                "the decision states its reasons: rules, discretion and facts");
        RuleViolation.require(c.content().hasComplaintGuidance(), RuleId.SEL99_NO_VISITATION, "content.complaintGuidance",
                "the decision carries complaint guidance");
        General general = rules.general(municipality, c.decidedOn());
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.decidedOn(), general, rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), false, sent, general, rules.calendar());
        apply(new WrittenDecisionIssued(grantId, caseId, c.decisionId(), c.decidedOn(), content, sent.receivedOn()));
        openComplaintWindow(c.decisionId(), sent.receivedOn(), content, general, rules.calendar(), scheduler);
    }

    @CommandHandler
    public void handle(OfferActionPlan c) {
        assertActive();
        apply(new ActionPlanOffered(grantId, caseId, c.offeredOn()));
    }

    @CommandHandler
    public void handle(AnswerActionPlan c) {
        RuleViolation.require(actionPlanOffered, RuleId.ACTION_PLAN, "accepted", "the action plan has not been offered");
        apply(new ActionPlanAnswered(grantId, caseId, c.answeredOn(), c.accepted()));
    }

    @CommandHandler
    public void handle(AssignProvider c, RuleBook rules) {
        assertActive();
        RuleViolation.require(c.assignedOn() != null, RuleId.NO_FREE_CHOICE, "assignedOn", "is required");
        ParagraphRules r = rules.inForce(municipality, paragraph, c.assignedOn()).rules();
        List<RuleId> applied = new ArrayList<>();
        if (c.relation() != null && c.relation() != ProviderRelation.NONE && r.familyProvider() != null) {
            applied.add(RuleId.NO_FAMILY_PROVIDER);
            RuleViolation.require(r.familyProvider() != ParagraphRules.FamilyProvider.NEVER, RuleId.NO_FAMILY_PROVIDER,
                    "relation", "relatives and close network are never employed as the provider under " + paragraph.label()
                            + " in this municipality, whatever an assessment finds");
            RuleViolation.require(c.individualAssessment() != null && !c.individualAssessment().isBlank(),
                    RuleId.NO_FAMILY_PROVIDER, "individualAssessment",
                    "relatives and close network are not the provider unless an individual assessment finds it best");
        }
        if (c.citizenChoice()) {
            applied.add(RuleId.NO_FREE_CHOICE);
            RuleViolation.require(r.is(r.freeChoiceOfProvider()), RuleId.NO_FREE_CHOICE, "citizenChoice",
                    "there is no free choice of provider under " + paragraph.label());
            RuleViolation.require(c.comparableOffer(), RuleId.NO_FREE_CHOICE, "comparableOffer",
                    "free choice is among comparable offers that are not considerably more expensive");
        }
        apply(new ProviderAssigned(grantId, caseId, c.provider(), c.relation(), c.individualAssessment(), c.citizenChoice(),
                List.copyOf(applied)));
    }

    @CommandHandler
    public void handle(StartService c, RuleBook rules, DeadlineManager scheduler) {
        assertActive();
        InvalidState.check(startedOn == null, "the service has already started");
        RuleViolation.require(actionPlan != ActionPlanDuty.MUST_OFFER || actionPlanOffered, RuleId.ACTION_PLAN, "actionPlan",
                "an action plan must be offered before the service starts");
        apply(new ServiceStarted(grantId, caseId, paragraph, c.startedOn()));
        expectShelterNotice(ShelterNotice.ADMISSION, c.startedOn(), rules, scheduler);
        expectShelterContact(c.startedOn(), rules, scheduler);
    }

    @CommandHandler
    public void handle(IncreaseScope c, RuleBook rules, DeadlineManager scheduler) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        RuleViolation.require(c.asRequested() != null, RuleId.DECISION_CONTENT, "asRequested",
                "say whether the increase gives all the citizen asked for; if not, the decision states reasons and complaint guidance");
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.decidedOn(), in.general(), rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), c.asRequested(), sent, in.general(), rules.calendar());
        apply(new ScopeIncreased(grantId, caseId, c.decisionId(), c.decidedOn(), checked, in.version(), content,
                sent.receivedOn()));
        openComplaintWindow(c.decisionId(), sent.receivedOn(), content, in.general(), rules.calendar(), scheduler);
        followPeriod(c.decisionId(), checked, scheduler);
    }

    @CommandHandler
    public void handle(ReduceScope c, RuleBook rules, DeadlineManager scheduler) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        hearings.assertHeard(c.factsNotSeenByCitizen(), c.hearingId());
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.decidedOn(), in.general(), rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), false, sent, in.general(), rules.calendar());
        Effect effect = ComplaintRules.effect(in, c.decidedOn(), c.effectiveOn(), sent.receivedOn(), false, rules.calendar());
        apply(new ScopeReduced(grantId, caseId, c.decisionId(), c.decidedOn(), effect.on(), checked, effect.noticeRule(),
                in.version(), content, sent.receivedOn(), c.hearingId()));
        openComplaintWindow(c.decisionId(), sent.receivedOn(), content, in.general(), rules.calendar(), scheduler);
        if (effect.laterThan(c.decidedOn())) {
            giveNotice(c.decisionId(), sent.receivedOn(), effect, scheduler);
        } else {
            apply(new ReductionTookEffect(grantId, caseId, c.decisionId(), effect.on(), checked, null));
        }
    }

    @CommandHandler
    public void handle(TerminateGrant c, RuleBook rules, DeadlineManager scheduler) {
        assertActive();
        assertNoEndingPending();
        RuleViolation.require(c.reason() != null && c.reason().decided(), RuleId.END_REASONS, "reason",
                "a grant ends because its goals are met, it has no expected effect, the citizen does not cooperate or no longer wants it");
        assertNotReplacedBySupplement(c.replacedBy(), c.decidedOn(), rules);
        hearings.assertHeard(c.factsNotSeenByCitizen(), c.hearingId());
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.decidedOn(), in.general(), rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), false, sent, in.general(), rules.calendar());
        Effect effect = ComplaintRules.effect(in, c.decidedOn(), c.effectiveOn(), sent.receivedOn(),
                c.reason() == EndReason.CITIZEN_NO_LONGER_WANTS_IT, rules.calendar());
        apply(new GrantTerminated(grantId, caseId, paragraph, c.decisionId(), c.decidedOn(), effect.on(), c.reason(),
                effect.noticeRule(), in.version(), content, sent.receivedOn(), c.citizenDeclinesAfterCare(),
                in.rules().is(in.rules().endingSuspendedUntilAppeal()), c.hearingId()));
        openComplaintWindow(c.decisionId(), sent.receivedOn(), content, in.general(), rules.calendar(), scheduler);
        if (effect.laterThan(c.decidedOn())) {
            giveNotice(c.decisionId(), sent.receivedOn(), effect, scheduler);
        } else {
            takeEffect(decision(c.decisionId()), effect.on(), false, rules, scheduler);
        }
    }

    /** The reduction or ending takes effect later: a NOTICE_EFFECTIVE deadline runs until then. */
    private void giveNotice(DecisionId decision, LocalDate receivedOn, Effect effect, DeadlineManager scheduler) {
        Deadline notice = Deadline.of(DeadlineId.of(grantId, "effect", decision), DeadlineKind.NOTICE_EFFECTIVE, effect.rule(),
                effect.on(), Party.MUNICIPALITY);
        deadlines.open(notice, d -> new ReductionNoticeGiven(grantId, caseId, decision, receivedOn, d), scheduler);
    }

    /**
     * The decision takes effect on {@code on}: a reduction brings its terms in, an ending ends the
     * grant. {@code reachedNow}: the effect deadline itself is being handled, so its schedule has run.
     */
    private void takeEffect(Decision decision, LocalDate on, boolean reachedNow, RuleBook rules, DeadlineManager scheduler) {
        DeadlineId notice = decision.effectOutstanding() ? decision.effectDeadline(grantId) : null;
        DeadlineEvents.Closed effect = decision.isEnding()
                ? new GrantEnded(grantId, caseId, paragraph, decision.id(), on, decision.endReason(), decision.declinesAfterCare(), notice)
                : new ReductionTookEffect(grantId, caseId, decision.id(), on, decision.newTerms(), notice);
        if (reachedNow) {
            deadlines.closeWhenReached(effect);
        } else {
            deadlines.close(effect, scheduler);
        }
        if (decision.isEnding()) {
            if (deadlines.isOpen(periodDeadline())) {
                deadlines.close(new GrantPeriodLifted(grantId, caseId, decision.id(), periodDeadline(), "the grant ended on " + on
                        + " by decision " + decision.id()), scheduler);
            }
            expectShelterNotice(ShelterNotice.DISCHARGE, on, rules, scheduler);
        } else {
            followPeriod(decision.id(), decision.newTerms(), scheduler);
        }
    }

    /** TEMPORARY-FIRST: the grant's last day has passed: it ends by itself, as the decision that limited it said. */
    private void periodEnded(Deadline period, RuleBook rules, DeadlineManager scheduler) {
        deadlines.closeWhenReached(new GrantEnded(grantId, caseId, paragraph, periodDecision, period.dueOn(), EndReason.PERIOD_ENDED,
                false, period.id()));
        expectShelterNotice(ShelterNotice.DISCHARGE, period.dueOn(), rules, scheduler);
    }

    @CommandHandler
    public void handle(ReceiveComplaint c, RuleBook rules, DeadlineManager scheduler) {
        assertNewComplaint(c.complaintId());
        RuleViolation.require(c.receivedOn() != null, RuleId.COMPLAINT_ANY_FORM, "receivedOn", "is required");
        Decision decision = decisions.get(c.decisionId());
        RuleViolation.require(decision != null, RuleId.COMPLAINT_WINDOW, "decisionId", "no decision " + c.decisionId() + " on this grant");
        boolean late = decision.windowEndsOn() != null && c.receivedOn().isAfter(decision.windowEndsOn());
        RulesInForce in = rules.inForce(municipality, paragraph, c.receivedOn());
        apply(new ComplaintReceived(grantId, caseId, c.complaintId(), c.decisionId(), c.receivedOn(),
                c.form() == null ? StatementForm.WRITTEN : c.form(), c.subject() == null ? ComplaintSubject.DECISION : c.subject(),
                c.summary(), late, decision.windowEndsOn()));
        closeWindow(decision, "complaint received on " + c.receivedOn(), scheduler);
        if (notAppealable(c.subject(), in)) {
            apply(new ComplaintNotAppealable(grantId, caseId, c.complaintId(), "the " + c.subject().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " under " + paragraph.label() + " is not a decision that can be appealed",
                    RuleId.COMPLAINT_NOT_APPEALABLE));
            return;
        }
        Reconsideration within = ComplaintRules.reconsideration(in, decision.isEnding(), decision.noticeRule() != null);
        Deadline due = Deadline.of(DeadlineId.of(grantId, "reconsideration", c.complaintId()), DeadlineKind.RECONSIDERATION,
                within.rule(), rules.calendar().plus(c.receivedOn(), within.period()), Party.MUNICIPALITY);
        deadlines.open(due, d -> new ReconsiderationDeadlineSet(grantId, caseId, c.complaintId(), d), scheduler);
    }

    private boolean notAppealable(ComplaintSubject subject, RulesInForce in) {
        List<String> notAppealable = in.rules().notAppealable() == null ? List.of() : in.rules().notAppealable();
        return subject != null && subject != ComplaintSubject.DECISION && notAppealable.contains(subject.name());
    }

    @CommandHandler
    public void handle(ReconsiderComplaint c, RuleBook rules, DeadlineManager scheduler) {
        Complaint complaint = complaint(c.complaintId());
        InvalidState.check(complaint.awaitingReconsideration(), "the complaint is not awaiting reconsideration");
        RuleViolation.require(c.outcome() != null && c.reconsideredOn() != null, RuleId.COMPLAINT_RECONSIDER, "outcome",
                "give the outcome and the date of the reconsideration");
        boolean upheld = c.outcome() != ReconsiderationOutcome.CHANGED_IN_FAVOUR;
        boolean newDecision = !upheld || c.terms() != null;
        Decision changed = decision(complaint.decisionId());
        RulesInForce in = rules.inForce(municipality, paragraph, c.reconsideredOn());
        if (upheld) {
            assertCaseMaterialListed(c.caseMaterial());
        }
        GrantTerms newTerms = null;
        if (newDecision) {
            RuleViolation.require(c.newDecisionId() != null, RuleId.COMPLAINT_RECONSIDER, "newDecisionId",
                    "a changed decision is a new decision");
            newTerms = c.terms() == null ? null : TermsCheck.check(in, c.terms(), "");
            RuleViolation.require(newTerms != null || changed.changesTheService(), RuleId.COMPLAINT_RECONSIDER, "terms",
                    "give the terms of the service as now decided");
        }
        deadlines.close(new ComplaintReconsidered(grantId, caseId, complaint.id(), c.reconsideredOn(), c.outcome(), c.reasons(),
                complaint.reconsiderationDeadline(grantId)), scheduler);
        if (newDecision) {
            changeInFavour(complaint, changed, c, newTerms, in, rules.calendar(), scheduler);
        }
        if (upheld) {
            escalate(complaint, changed, c, in, rules.calendar(), scheduler);
        }
    }

    /** The decision complained about is changed in the citizen's favour; the change is a new decision. */
    private void changeInFavour(Complaint complaint, Decision changed, ReconsiderComplaint c, GrantTerms newTerms,
                                RulesInForce in, LegalCalendar calendar, DeadlineManager scheduler) {
        if (changed.changesTheService()) {
            revoke(changed, complaint.id(), "changed in the citizen's favour on reconsideration", scheduler);
        }
        boolean nowGranted = changed.kind() == Decision.Kind.REJECTION;
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.reconsideredOn(), in.general(), calendar);
        DecisionContent content = DecisionRules.content(c.content(), c.outcome() == ReconsiderationOutcome.CHANGED_IN_FAVOUR, sent,
                in.general(), calendar);
        List<Cadence> cadences = nowGranted ? Cadences.forGrant(in, null, true, c.reconsideredOn(), null, calendar) : List.of();
        apply(new DecisionChangedInFavour(grantId, caseId, paragraph, complaint.id(), complaint.decisionId(), c.newDecisionId(),
                c.reconsideredOn(), newTerms, in.version(), cadences, nowGranted, content, sent.receivedOn()));
        openComplaintWindow(c.newDecisionId(), sent.receivedOn(), content, in.general(), calendar, scheduler);
        if (newTerms != null) {
            followPeriod(c.newDecisionId(), newTerms, scheduler);
        }
    }

    /** COMPLAINT-RECONSIDER: an upheld complaint goes to Ankestyrelsen with the case material; its decision is expected. */
    private void escalate(Complaint complaint, Decision decision, ReconsiderComplaint c, RulesInForce in, LegalCalendar calendar,
                          DeadlineManager scheduler) {
        Deadline expected = Deadline.of(complaint.escalationDeadline(grantId), DeadlineKind.ESCALATION,
                decision.noticeRule() != null ? RuleId.NOTICE_3A_COMPLAINT : RuleId.APPEAL_OUTCOME,
                calendar.plus(c.reconsideredOn(), in.general().appealDecisionExpected()), Party.MUNICIPALITY);
        deadlines.open(expected, d -> new ComplaintEscalatedToAnkestyrelsen(grantId, caseId, complaint.id(),
                complaint.decisionId(), c.reconsideredOn(), List.copyOf(c.caseMaterial()), d), scheduler);
    }

    private void revoke(Decision decision, ComplaintId complaintId, String reason, DeadlineManager scheduler) {
        if (decision.revoked()) {
            return;
        }
        deadlines.close(new DecisionRevoked(grantId, caseId, decision.id(), complaintId, reason,
                decision.kind() == Decision.Kind.REDUCTION ? decision.previousTerms() : null, decision.isEnding() && ended,
                decision.effectOutstanding() ? decision.effectDeadline(grantId) : null), scheduler);
    }

    @CommandHandler
    public void handle(RecordAppealDecision c, RuleBook rules, DeadlineManager scheduler) {
        Complaint complaint = complaint(c.complaintId());
        InvalidState.check(complaint.atAnkestyrelsen(), "the complaint is not at Ankestyrelsen");
        RuleViolation.require(c.outcome() != null && c.receivedOn() != null, RuleId.APPEAL_OUTCOME, "outcome",
                "give Ankestyrelsen's outcome and when it was received");
        Decision decision = decision(complaint.decisionId());
        deadlines.close(new AppealDecided(grantId, caseId, applicationId, complaint.id(), complaint.decisionId(), c.outcome(),
                c.decidedOn() == null ? c.receivedOn() : c.decidedOn(), c.receivedOn(), c.reference(),
                complaint.escalationDeadline(grantId)), scheduler);
        if (!decision.changesTheService() || decision.revoked()) {
            return;
        }
        if (c.outcome().revokes()) {
            revoke(decision, complaint.id(), "Ankestyrelsen: " + c.outcome(), scheduler);
        } else if (decision.effectHeld()) {
            LocalDate on = c.receivedOn().isAfter(decision.effectiveOn()) ? c.receivedOn() : decision.effectiveOn();
            takeEffect(decision, on, false, rules, scheduler);
        }
    }

    @CommandHandler
    public void handle(RecordSuspension c) {
        Complaint complaint = complaint(c.complaintId());
        InvalidState.check(complaint.pending(), "the complaint is no longer pending");
        Decision decision = decision(complaint.decisionId());
        RuleViolation.require(decision.changesTheService() && decision.effectOutstanding(), RuleId.COMPLAINT_NO_SUSPENSION,
                "complaintId", "only a reduction or ending that has not yet taken effect can be suspended");
        apply(new SuspensionGrantedByAnkestyrelsen(grantId, caseId, complaint.id(), complaint.decisionId(), c.grantedOn(),
                c.reference()));
    }

    /**
     * RECEIPT: a confirmation of when the citizen received the decision. The first one is recorded;
     * its repeat changes nothing and a different one is refused. A receipt later than presumed moves
     * the complaint window (COMPLAINT-WINDOW) and a pending effect (notice from receipt) later; an
     * earlier one moves nothing.
     */
    @CommandHandler
    public void handle(RecordReceipt c, RuleBook rules, DeadlineManager scheduler) {
        RuleViolation.require(c.receivedOn() != null, RuleId.RECEIPT, "receivedOn", "is required");
        Decision decision = decision(c.decisionId());
        if (decision.confirmedReceipt() != null) {
            InvalidState.check(decision.confirmedReceipt().equals(c.receivedOn()), "the receipt of decision " + decision.id()
                    + " is already confirmed as " + decision.confirmedReceipt() + " (message " + decision.receiptMessageId() + ")");
            return;
        }
        RuleViolation.require(!c.receivedOn().isBefore(decision.decidedOn()), RuleId.RECEIPT, "receivedOn",
                "a decision is received on or after it is made, " + decision.decidedOn());
        RulesInForce in = rules.inForce(municipality, paragraph, decision.decidedOn());
        LegalCalendar calendar = rules.calendar();
        List<Deadline> moved = new ArrayList<>();
        deadlines.find(decision.windowDeadline(grantId))
                .filter(w -> calendar.deadlineAfterReceipt(c.receivedOn(), in.general().complaintWindow()).isAfter(w.dueOn()))
                .ifPresent(w -> moved.add(w.movedTo(calendar.deadlineAfterReceipt(c.receivedOn(), in.general().complaintWindow()))));
        LocalDate newEffect = null;
        if (decision.effectPending()) {
            Effect effect = ComplaintRules.effect(in, decision.decidedOn(), decision.effectiveOn(), c.receivedOn(),
                    decision.endReason() == EndReason.CITIZEN_NO_LONGER_WANTS_IT, calendar);
            if (effect.on().isAfter(decision.effectiveOn())) {
                newEffect = effect.on();
                deadlines.find(decision.effectDeadline(grantId)).map(d -> d.movedTo(effect.on())).ifPresent(moved::add);
            }
        }
        deadlines.move(new DecisionReceiptRecorded(grantId, caseId, decision.id(), c.channel(), c.receivedOn(), c.messageId(),
                List.copyOf(moved), decision.isEnding() ? null : newEffect, decision.isEnding() ? newEffect : null), scheduler);
    }

    @CommandHandler
    public void handle(HearCitizen c, RuleBook rules, DeadlineManager scheduler) {
        assertActive();
        RuleViolation.require(c.sentOn() != null, RuleId.HEARING, "sentOn", "is required");
        hearings.request(caseId, grantId.value(), c.hearingId(), c.sentOn(), c.answerBy(), c.facts(), c.delivery(),
                rules.general(municipality, c.sentOn()), rules.calendar(), deadlines, scheduler);
    }

    @CommandHandler
    public void handle(RecordHearingAnswer c, DeadlineManager scheduler) {
        hearings.answer(caseId, grantId.value(), c.hearingId(), c.answeredOn(), c.answer(), deadlines, scheduler);
    }

    /**
     * EXCL-99-SUPPLEMENT: a paragraph whose rules say it supplements others ({@code neverReplaces})
     * cannot take the place of this grant's paragraph.
     */
    private void assertNotReplacedBySupplement(Paragraph replacedBy, LocalDate decidedOn, RuleBook rules) {
        if (replacedBy == null || decidedOn == null) {
            return;
        }
        List<Paragraph> never = rules.inForce(municipality, replacedBy, decidedOn).rules().neverReplaces();
        RuleViolation.require(never == null || !never.contains(paragraph), RuleId.EXCL_99_SUPPLEMENT, "replacedBy",
                replacedBy.label() + " supplements and never replaces " + paragraph.label());
    }

    /**
     * SHELTER-NOTIFY: the shelter contacts the municipality within a number of days of the stay's
     * start (002 § 110 section 13: "inden for de første tre dage"), the start day not counted.
     */
    private void expectShelterContact(LocalDate startedOn, RuleBook rules, DeadlineManager scheduler) {
        Integer days = rules.inForce(municipality, paragraph, startedOn).rules().shelterContactDays();
        if (days == null) {
            return;
        }
        Deadline contact = Deadline.of(shelterDeadline(ShelterNotice.CONTACT), DeadlineKind.SHELTER_NOTIFICATION,
                RuleId.SHELTER_NOTIFY, rules.calendar().plus(startedOn, java.time.Period.ofDays(days)), Party.THIRD_PARTY);
        deadlines.open(contact, d -> new ShelterNotificationDue(grantId, caseId, ShelterNotice.CONTACT, d), scheduler);
    }

    /** SHELTER-NOTIFY: the shelter informs the municipality within a number of hverdage of admission or discharge. */
    private void expectShelterNotice(ShelterNotice kind, LocalDate on, RuleBook rules, DeadlineManager scheduler) {
        Integer hverdage = rules.inForce(municipality, paragraph, on).rules().shelterNotifyHverdage();
        if (hverdage == null) {
            return;
        }
        Deadline notice = Deadline.of(shelterDeadline(kind), DeadlineKind.SHELTER_NOTIFICATION, RuleId.SHELTER_NOTIFY,
                rules.calendar().plusHverdage(on, hverdage), Party.THIRD_PARTY);
        deadlines.open(notice, d -> new ShelterNotificationDue(grantId, caseId, kind, d), scheduler);
    }

    private DeadlineId shelterDeadline(ShelterNotice kind) {
        return DeadlineId.of(grantId, "shelter-" + kind.name().toLowerCase(Locale.ROOT), null);
    }

    @CommandHandler
    public void handle(RecordShelterNotification c, DeadlineManager scheduler) {
        Deadline expected = deadlines.find(shelterDeadline(c.kind()))
                .orElseThrow(() -> new InvalidState("no " + c.kind() + " notice is expected for this grant"));
        RuleViolation.require(c.receivedOn() != null, RuleId.SHELTER_NOTIFY, "receivedOn", "is required");
        deadlines.close(new ShelterNotified(grantId, caseId, c.kind(), c.receivedOn(), c.receivedOn().isAfter(expected.dueOn()),
                expected.id()), scheduler);
    }

    @CommandHandler
    public void handle(RecordHoursUsed c) {
        assertStarted();
        hours.use(grantId, caseId, paragraph, c.month(), c.hours());
    }

    @CommandHandler
    public void handle(MoveHours c) {
        assertStarted();
        hours.move(grantId, caseId, c);
    }

    @CommandHandler
    public void handle(GrantCompanionExpenses c, RuleBook rules) {
        assertActive();
        InvalidState.check(paragraph == Paragraph.SEL97, "the companion expenses subsidy belongs to § 97");
        hours.expenses(grantId, caseId, c, rules.inForce(municipality, paragraph, LocalDate.of(c.year(), 1, 1)).rules());
    }

    @CommandHandler
    public void handle(RecordHolidaySupport c, RuleBook rules) {
        assertStarted();
        RuleViolation.require(c.from() != null, RuleId.SEL85_HOLIDAY_7D, "from", "is required");
        hours.holiday(grantId, caseId, c, rules.inForce(municipality, paragraph, c.from()).rules().holidayDaysPerYear());
    }

    @CommandHandler
    public void handle(AssessOwnPayment c, RuleBook rules) {
        assertActive();
        RuleViolation.require(c.from() != null, RuleId.OWN_PAYMENT, "from", "is required");
        apply(Payments.ownPayment(grantId, caseId, paragraph, c, rules.inForce(municipality, paragraph, c.from()).rules()));
    }

    @CommandHandler
    public void handle(AssessTransportContribution c, RuleBook rules) {
        assertActive();
        RuleViolation.require(c.month() != null, RuleId.SEL103_WAGE, "month", "is required");
        apply(Payments.transport(grantId, caseId, c, rules.inForce(municipality, paragraph, c.month().atDay(1)).rules()));
    }

    @DeadlineHandler
    void deadlineReached(DeadlinePayload due, RuleBook rules, DeadlineManager scheduler) {
        deadlines.reached(due).ifPresent(d -> {
            switch (d.kind()) {
                case COMPLAINT_WINDOW -> windowPassed(d);
                case NOTICE_EFFECTIVE -> effectDue(d, rules, scheduler);
                case RECONSIDERATION -> complaintWith(d, Complaint::reconsiderationDeadline)
                        .ifPresent(c -> apply(new ReconsiderationDue(grantId, caseId, c.id(), d.id(), d.dueOn())));
                case ESCALATION -> complaintWith(d, Complaint::escalationDeadline)
                        .ifPresent(c -> apply(new AppealDecisionOverdue(grantId, caseId, c.id(), d.id(), d.dueOn())));
                case HEARING_ANSWER -> hearings.deadlinePassed(caseId, grantId.value(), d);
                case SHELTER_NOTIFICATION -> apply(new ShelterNotificationOverdue(grantId, caseId, d.id(), d.dueOn()));
                case GRANT_PERIOD_END -> periodEnded(d, rules, scheduler);
                default -> throw new IllegalStateException("a grant has no " + d.kind() + " deadline");
            }
        });
    }

    /** COMPLAINT-WINDOW: the window passed without a complaint. */
    private void windowPassed(Deadline window) {
        decisions.values().stream().filter(e -> e.windowDeadline(grantId).equals(window.id())).findFirst()
                .ifPresent(e -> deadlines.closeWhenReached(new ComplaintWindowClosed(grantId, caseId, e.id(), window.id(),
                        "the complaint window passed without a complaint")));
    }

    /** The effective date of a reduction or ending came: it takes effect unless an appeal holds it back. */
    private void effectDue(Deadline notice, RuleBook rules, DeadlineManager scheduler) {
        decisions.values().stream().filter(e -> e.effectDeadline(grantId).equals(notice.id()) && e.effectPending()).findFirst()
                .ifPresent(e -> holding(e).ifPresentOrElse(
                        complaint -> apply(new EffectSuspendedPendingAppeal(grantId, caseId, e.id(), complaint.id(),
                                complaint.suspended() ? RuleId.COMPLAINT_NO_SUSPENSION : RuleId.BPA_SUSPENSIVE, notice.id())),
                        () -> takeEffect(e, e.effectiveOn(), true, rules, scheduler)));
    }

    /**
     * A pending complaint about the decision that holds its effect back: one Ankestyrelsen has given
     * suspensive effect (COMPLAINT-NO-SUSPENSION), or, where the ending waits for the appeal
     * (BPA-SUSPENSIVE, Lejre's 002 § 96: "bringes ordningen ikke til ophør, før Ankestyrelsen har
     * behandlet klagen"), any complaint received in time, from its receipt through reconsideration
     * (overdue or not) and the appeal.
     */
    private Optional<Complaint> holding(Decision decision) {
        return complaints.values().stream()
                .filter(c -> c.decisionId().equals(decision.id()) && c.pending())
                .filter(c -> c.suspended() || decision.waitsForAppeal() && !c.late())
                .findFirst();
    }

    private Optional<Complaint> complaintWith(Deadline deadline, java.util.function.BiFunction<Complaint, GrantId, DeadlineId> which) {
        return complaints.values().stream().filter(c -> which.apply(c, grantId).equals(deadline.id())).findFirst();
    }

    private void openComplaintWindow(DecisionId decision, LocalDate receivedOn, DecisionContent content, General general,
                                     LegalCalendar calendar, DeadlineManager scheduler) {
        Deadline window = Deadline.of(DeadlineId.of(grantId, "complaint-window", decision), DeadlineKind.COMPLAINT_WINDOW,
                RuleId.COMPLAINT_WINDOW, DecisionRules.windowEndsOn(content, receivedOn, general, calendar), Party.CITIZEN);
        deadlines.open(window, d -> new ComplaintWindowOpened(grantId, caseId, decision, receivedOn, d), scheduler);
    }

    private void closeWindow(Decision decision, String reason, DeadlineManager scheduler) {
        DeadlineId window = decision.windowDeadline(grantId);
        if (deadlines.isOpen(window)) {
            deadlines.close(new ComplaintWindowClosed(grantId, caseId, decision.id(), window, reason), scheduler);
        }
    }

    private Decision decision(DecisionId id) {
        Decision d = decisions.get(id);
        InvalidState.check(d != null, "no decision " + id + " on this grant");
        return d;
    }

    private Complaint complaint(ComplaintId id) {
        Complaint c = complaints.get(id);
        InvalidState.check(c != null, "no complaint " + id);
        return c;
    }

    private void assertActive() {
        InvalidState.check(granted && !ended, "the grant is not active");
    }

    private void assertStarted() {
        assertActive();
        InvalidState.check(startedOn != null, "the service has not started");
    }

    private void assertNoEndingPending() {
        InvalidState.check(decisions.values().stream().noneMatch(d -> d.isEnding() && d.effectOutstanding()),
                "an ending is already decided for this grant");
    }

    private void assertNewComplaint(ComplaintId id) {
        RuleViolation.require(id != null && !complaints.containsKey(id), RuleId.COMPLAINT_ANY_FORM, "complaintId",
                "a new complaint needs a new id");
    }

    private static void assertCaseMaterialListed(List<String> caseMaterial) {
        RuleViolation.require(caseMaterial != null && !caseMaterial.isEmpty(), RuleId.COMPLAINT_RECONSIDER, "caseMaterial",
                "an upheld complaint goes to Ankestyrelsen with the case material: list it");
    }

    @EventSourcingHandler
    void on(ServiceGranted e) {
        opened(e, Decision.Kind.GRANT);
        granted = true;
        terms = e.decision().terms();
        actionPlan = e.decision().plan().actionPlan();
    }

    @EventSourcingHandler
    void on(ServiceRejected e) {
        opened(e, Decision.Kind.REJECTION);
    }

    private void opened(GrantEvent.Opened e, Decision.Kind kind) {
        grantId = e.grantId();
        caseId = e.caseId();
        applicationId = e.applicationId();
        municipality = e.municipality();
        paragraph = e.decision().paragraph();
        decisions.put(e.decisionId(), Decision.of(e.decisionId(), kind, e.decidedOn()));
    }

    @EventSourcingHandler
    void on(OutreachContactStarted e) {
        grantId = e.grantId();
        caseId = e.caseId();
        municipality = e.municipality();
        paragraph = Paragraph.SEL99;
        granted = true;
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(WrittenDecisionIssued e) {
        decisions.put(e.decisionId(), Decision.of(e.decisionId(), Decision.Kind.WRITTEN, e.decidedOn()));
    }

    @EventSourcingHandler
    void on(ActionPlanOffered e) {
        actionPlanOffered = true;
    }

    @EventSourcingHandler
    void on(ServiceStarted e) {
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(ScopeIncreased e) {
        terms = e.terms();
        decisions.put(e.decisionId(), Decision.of(e.decisionId(), Decision.Kind.INCREASE, e.decidedOn()));
    }

    @EventSourcingHandler
    void on(ScopeReduced e) {
        decisions.put(e.decisionId(), Decision.reduction(e.decisionId(), e.decidedOn(), e.noticeRule(), e.effectiveOn(), e.terms(), terms));
    }

    @EventSourcingHandler
    void on(ReductionTookEffect e) {
        terms = e.terms();
    }

    @EventSourcingHandler
    void on(GrantTerminated e) {
        decisions.put(e.decisionId(), Decision.termination(e.decisionId(), e.decidedOn(), e.noticeRule(), e.effectiveOn(), e.reason(),
                e.citizenDeclinesAfterCare(), e.endingWaitsForAppeal()));
    }

    @EventSourcingHandler
    void on(GrantEnded e) {
        ended = true;
    }

    @EventSourcingHandler
    void on(GrantPeriodSet e) {
        periodDecision = e.decisionId();
    }

    @EventSourcingHandler
    void on(GrantPeriodChanged e) {
        periodDecision = e.decisionId();
    }

    @EventSourcingHandler
    void on(DecisionRevoked e) {
        if (e.restoredTerms() != null) {
            terms = e.restoredTerms();
        }
        if (e.reinstated()) {
            ended = false;
        }
    }

    @EventSourcingHandler
    void on(DecisionChangedInFavour e) {
        decisions.put(e.newDecisionId(), Decision.of(e.newDecisionId(), Decision.Kind.CHANGE_IN_FAVOUR, e.decidedOn()));
        if (e.terms() != null) {
            terms = e.terms();
        }
        if (e.nowGranted()) {
            granted = true;
        }
    }

    @EventSourcingHandler
    void on(ComplaintReceived e) {
        complaints.put(e.complaintId(), new Complaint(e.complaintId(), e.decisionId(), e.late()));
    }
}
