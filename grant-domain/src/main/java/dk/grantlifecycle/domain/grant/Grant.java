package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.Complaints.Complaint;
import dk.grantlifecycle.domain.grant.DecisionLog.Entry;
import dk.grantlifecycle.domain.grant.DecisionLog.Kind;
import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.hearing.Hearings;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * State lives in small helpers (DecisionLog, Complaints, HourAccounts, Hearings); this class
 * decides and applies.
 */
@AggregateRoot
public class Grant {

    static final String SHELTER_DEADLINE = "shelter-notification";
    private static final Set<Paragraph> NOT_REPLACED_BY_SEL99 =
            Set.of(Paragraph.SEL85, Paragraph.SEL83, Paragraph.SEL97, Paragraph.SEL110);

    @AggregateIdentifier
    private GrantId grantId;
    private MunicipalityId municipality;
    private Paragraph paragraph;
    private String caseId;
    private boolean granted;
    private boolean ended;
    private GrantTerms terms;
    private ActionPlanDuty actionPlan = ActionPlanDuty.NOT_REQUIRED;
    private boolean actionPlanOffered;
    private LocalDate startedOn;
    @AggregateMember
    private final HourAccounts hours = new HourAccounts();
    @AggregateMember
    private final Hearings hearings = new Hearings();
    private final DecisionLog decisions = new DecisionLog();
    @AggregateMember
    private final Complaints complaints = new Complaints();
    private final Map<ShelterNotice, ShelterNotificationDue> shelterNotices = new EnumMap<>(ShelterNotice.class);
    private final Set<String> overdueShelterNotices = new java.util.HashSet<>();

    protected Grant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenGrant c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        if (grantId != null) {
            return;
        }
        ServiceDecision d = c.decision();
        String caseOf = c.applicationId().value();
        if (d.granted()) {
            apply(new ServiceGranted(c.grantId(), caseOf, c.applicationId(), c.decisionId(), c.decidedOn(), c.citizenId(),
                    c.municipality(), c.ruleSetVersion(), d, c.content(), c.receivedByCitizenOn()));
        } else {
            apply(new ServiceRejected(c.grantId(), caseOf, c.applicationId(), c.decisionId(), c.decidedOn(), c.citizenId(),
                    c.municipality(), c.ruleSetVersion(), d, c.content(), c.receivedByCitizenOn()));
        }
        LocalDate receipt = c.receivedByCitizenOn() == null ? c.decidedOn() : c.receivedByCitizenOn();
        decisions.openWindow(grantId, caseId, c.decisionId(), receipt, rules.general(municipality, c.decidedOn()), calendar, deadlines);
    }

    @CommandHandler
    public Grant(StartOutreachContact c, RuleBook rules) {
        RuleViolation.require(c.startedOn() != null, "SEL99-NO-VISITATION", "startedOn", "is required");
        RulesInForce in = rules.inForce(c.municipality(), Paragraph.SEL99, c.startedOn());
        apply(new OutreachContactStarted(c.grantId(), c.municipality(), c.citizenId(), c.startedOn(), c.description(),
                in.version()));
    }

    @CommandHandler
    public void handle(IssueWrittenDecision c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        InvalidState.check(paragraph == Paragraph.SEL99, "written decisions on request are for § 99 outreach support");
        RuleViolation.require(c.content() != null && c.content().hasReasons(), "SEL99-NO-VISITATION", "content",
                "the decision states its reasons: rules, discretion and facts");
        RuleViolation.require(c.content().hasComplaintGuidance(), "SEL99-NO-VISITATION", "content.complaintGuidance",
                "the decision carries complaint guidance");
        General general = rules.general(municipality, c.decidedOn());
        DecisionContent content = Decisions.content(c.content(), false, c.decidedOn(), general, calendar);
        apply(new WrittenDecisionIssued(grantId, c.decisionId(), c.decidedOn(), content));
        decisions.openWindow(grantId, caseId, c.decisionId(), c.decidedOn(), general, calendar, deadlines);
    }

    @CommandHandler
    public void handle(OfferActionPlan c) {
        assertActive();
        apply(new ActionPlanOffered(grantId, c.offeredOn()));
    }

    @CommandHandler
    public void handle(AnswerActionPlan c) {
        RuleViolation.require(actionPlanOffered, "ACTION-PLAN", "accepted", "the action plan has not been offered");
        apply(new ActionPlanAnswered(grantId, c.answeredOn(), c.accepted()));
    }

    @CommandHandler
    public void handle(AssignProvider c, RuleBook rules) {
        assertActive();
        RuleViolation.require(c.assignedOn() != null, "NO-FREE-CHOICE", "assignedOn", "is required");
        ParagraphRules r = rules.inForce(municipality, paragraph, c.assignedOn()).rules();
        List<String> applied = new ArrayList<>();
        if (c.relation() != null && c.relation() != ProviderRelation.NONE && r.is(r.familyProvider())) {
            applied.add("NO-FAMILY-PROVIDER");
            RuleViolation.require(c.individualAssessment() != null && !c.individualAssessment().isBlank(),
                    "NO-FAMILY-PROVIDER", "individualAssessment",
                    "relatives and close network are not the provider unless an individual assessment finds it best");
        }
        if (c.citizenChoice()) {
            applied.add("NO-FREE-CHOICE");
            RuleViolation.require(r.is(r.freeChoiceOfProvider()), "NO-FREE-CHOICE", "citizenChoice",
                    "there is no free choice of provider under " + paragraph.label());
            RuleViolation.require(c.comparableOffer(), "NO-FREE-CHOICE", "comparableOffer",
                    "free choice is among comparable offers that are not considerably more expensive");
        }
        apply(new ProviderAssigned(grantId, c.provider(), c.relation(), c.individualAssessment(), c.citizenChoice(), applied));
    }

    @CommandHandler
    public void handle(StartService c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        assertActive();
        InvalidState.check(startedOn == null, "the service has already started");
        RuleViolation.require(actionPlan != ActionPlanDuty.MUST_OFFER || actionPlanOffered, "ACTION-PLAN", "actionPlan",
                "an action plan must be offered before the service starts");
        apply(new ServiceStarted(grantId, caseId, paragraph, c.startedOn()));
        expectShelterNotice(ShelterNotice.ADMISSION, c.startedOn(), rules, calendar, deadlines);
    }

    @CommandHandler
    public void handle(IncreaseScope c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        Decisions.Sent sent = Decisions.sent(c.delivery(), c.decidedOn(), in.general(), calendar);
        apply(new ScopeIncreased(grantId, c.decisionId(), c.decidedOn(), checked, in.version(),
                Decisions.content(c.content(), true, sent.receivedOn(), in.general(), calendar), sent.receivedOn()));
        decisions.openWindow(grantId, caseId, c.decisionId(), sent.receivedOn(), in.general(), calendar, deadlines);
    }

    @CommandHandler
    public void handle(ReduceScope c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        hearings.assertHeard(c.factsNotSeenByCitizen(), "factsNotSeenByCitizen");
        Decisions.Sent sent = Decisions.sent(c.delivery(), c.decidedOn(), in.general(), calendar);
        DecisionContent content = Decisions.content(c.content(), false, sent.receivedOn(), in.general(), calendar);
        Effect effect = effect(in, c.decidedOn(), c.effectiveOn(), sent.receivedOn(), calendar);
        apply(new ScopeReduced(grantId, c.decisionId(), c.decidedOn(), effect.on(), checked, effect.noticeRule(), in.version(),
                content, sent.receivedOn()));
        decisions.openWindow(grantId, caseId, c.decisionId(), sent.receivedOn(), in.general(), calendar, deadlines);
        if (effect.on().isAfter(c.decidedOn())) {
            decisions.scheduleEffect(grantId, caseId, c.decisionId(), sent.receivedOn(), effect.on(), effect.rule(), deadlines);
        } else {
            apply(new ReductionTookEffect(grantId, c.decisionId(), effect.on(), checked, null));
        }
    }

    @CommandHandler
    public void handle(TerminateGrant c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        assertActive();
        InvalidState.check(!decisions.endingPending(), "an ending is already decided for this grant");
        RuleViolation.require(c.reason() != null, "END-REASONS", "reason",
                "a grant ends because its goals are met, it has no expected effect, the citizen does not cooperate or no longer wants it");
        RuleViolation.require(!(c.replacedBy() == Paragraph.SEL99 && NOT_REPLACED_BY_SEL99.contains(paragraph)),
                "EXCL-99-SUPPLEMENT", "replacedBy", "§ 99 supplements and never replaces " + paragraph.label());
        hearings.assertHeard(c.factsNotSeenByCitizen(), "factsNotSeenByCitizen");
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        Decisions.Sent sent = Decisions.sent(c.delivery(), c.decidedOn(), in.general(), calendar);
        DecisionContent content = Decisions.content(c.content(), false, sent.receivedOn(), in.general(), calendar);
        Effect effect = effect(in, c.decidedOn(), c.effectiveOn(), sent.receivedOn(), calendar);
        apply(new GrantTerminated(grantId, caseId, paragraph, c.decisionId(), c.decidedOn(), effect.on(), c.reason(),
                effect.noticeRule(), in.version(), content, sent.receivedOn(), c.citizenDeclinesAfterCare(),
                in.rules().is(in.rules().endingSuspendedUntilAppeal())));
        decisions.openWindow(grantId, caseId, c.decisionId(), sent.receivedOn(), in.general(), calendar, deadlines);
        if (effect.on().isAfter(c.decidedOn())) {
            decisions.scheduleEffect(grantId, caseId, c.decisionId(), sent.receivedOn(), effect.on(), effect.rule(), deadlines);
        } else {
            end(decisions.get(c.decisionId()).orElseThrow(), effect.on(), null, rules, calendar, deadlines);
        }
    }

    /** When a reduction or ending takes effect: under NOTICE-3A-14W at the earliest 14 weeks after receipt. */
    private record Effect(LocalDate on, String noticeRule) {
        String rule() {
            return noticeRule != null ? noticeRule : "COMPLAINT-NO-SUSPENSION";
        }
    }

    private static Effect effect(RulesInForce in, LocalDate decidedOn, LocalDate requested, LocalDate receivedOn,
                                 LegalCalendar calendar) {
        LocalDate wanted = requested == null ? decidedOn : requested;
        RuleViolation.require(!wanted.isBefore(decidedOn), "NOTICE-3A-14W", "effectiveOn",
                "a reduction or ending takes effect on or after the decision");
        if (in.rules().notice() == null) {
            return new Effect(wanted, null);
        }
        LocalDate earliest = calendar.deadlineAfterReceipt(receivedOn, in.rules().notice());
        return new Effect(wanted.isAfter(earliest) ? wanted : earliest, "NOTICE-3A-14W");
    }

    @DeadlineHandler(deadlineName = DecisionLog.EFFECT_DEADLINE)
    void effectDue(DeadlinePayload due, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        decisions.byEffectKey(due.deadlineKey()).filter(e -> e.effectPending && !e.revoked).ifPresent(e -> {
            var holding = complaints.holding(e.id, e.waitsForAppeal);
            if (holding.isPresent()) {
                apply(new EffectSuspendedPendingAppeal(grantId, e.id, holding.get().id,
                        holding.get().suspended ? "COMPLAINT-NO-SUSPENSION" : "BPA-SUSPENSIVE", e.effectKey));
            } else {
                takeEffect(e, e.effectiveOn, rules, calendar, deadlines);
            }
        });
    }

    private void takeEffect(Entry e, LocalDate on, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        if (e.kind == Kind.REDUCTION) {
            apply(new ReductionTookEffect(grantId, e.id, on, e.newTerms, e.effectKey));
        } else {
            end(e, on, e.effectKey, rules, calendar, deadlines);
        }
    }

    private void end(Entry e, LocalDate on, String effectKey, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        apply(new GrantEnded(grantId, caseId, paragraph, e.id, on, e.endReason, e.declinesAfterCare, effectKey));
        expectShelterNotice(ShelterNotice.DISCHARGE, on, rules, calendar, deadlines);
    }

    @CommandHandler
    public void handle(ReceiveComplaint c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        RuleViolation.require(c.complaintId() != null && !complaints.exists(c.complaintId()), "COMPLAINT-ANY-FORM",
                "complaintId", "a new complaint needs a new id");
        RuleViolation.require(c.receivedOn() != null, "COMPLAINT-ANY-FORM", "receivedOn", "is required");
        Entry decision = decisions.get(c.decisionId()).orElseThrow(() -> new RuleViolation("COMPLAINT-WINDOW", "decisionId",
                "no decision " + c.decisionId() + " on this grant"));
        boolean late = decision.windowEndsOn != null && c.receivedOn().isAfter(decision.windowEndsOn);
        apply(new ComplaintReceived(grantId, caseId, c.complaintId(), c.decisionId(), c.receivedOn(),
                c.form() == null ? ComplaintForm.WRITTEN : c.form(), c.subject() == null ? ComplaintSubject.DECISION : c.subject(),
                c.summary(), late, decision.windowEndsOn));
        decisions.closeWindow(grantId, decision, "complaint received on " + c.receivedOn(), deadlines);
        RulesInForce in = rules.inForce(municipality, paragraph, c.receivedOn());
        List<String> notAppealable = in.rules().notAppealable() == null ? List.of() : in.rules().notAppealable();
        if (c.subject() != null && c.subject() != ComplaintSubject.DECISION && notAppealable.contains(c.subject().name())) {
            apply(new ComplaintNotAppealable(grantId, c.complaintId(), "the " + c.subject().name().toLowerCase().replace('_', ' ')
                    + " under " + paragraph.label() + " is not a decision that can be appealed", "COMPLAINT-NOT-APPEALABLE"));
            return;
        }
        String rule;
        java.time.Period period;
        if (decision.kind == Kind.TERMINATION && in.rules().endingReconsideration() != null) {
            rule = "BPA-COMPLAINT-2W";
            period = in.rules().endingReconsideration();
        } else if (decision.noticeRule != null) {
            rule = "NOTICE-3A-COMPLAINT";
            period = in.general().noticeReconsideration();
        } else {
            rule = "COMPLAINT-RECONSIDER";
            period = in.general().reconsideration();
        }
        LocalDate due = calendar.plus(c.receivedOn(), period);
        String key = grantId + "/reconsideration/" + c.complaintId();
        String schedule = deadlines.schedule(Copenhagen.startOf(due), Complaints.RECONSIDERATION_DEADLINE, new DeadlinePayload(key, due));
        apply(new ReconsiderationDeadlineSet(grantId, caseId, c.complaintId(), due, rule, key, schedule));
    }

    @CommandHandler
    public void handle(ReconsiderComplaint c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        Complaint complaint = complaints.get(c.complaintId()).orElseThrow(() -> new InvalidState("no complaint " + c.complaintId()));
        InvalidState.check(complaint.status == Complaints.Status.AWAITING_RECONSIDERATION, "the complaint is not awaiting reconsideration");
        RuleViolation.require(c.outcome() != null && c.reconsideredOn() != null, "COMPLAINT-RECONSIDER", "outcome",
                "give the outcome and the date of the reconsideration");
        boolean upheld = c.outcome() != ReconsiderationOutcome.CHANGED_IN_FAVOUR;
        RuleViolation.require(!upheld || c.caseMaterial() != null && !c.caseMaterial().isEmpty(), "COMPLAINT-RECONSIDER",
                "caseMaterial", "an upheld complaint goes to Ankestyrelsen with the case material: list it");
        RuleViolation.require(upheld || c.newDecisionId() != null, "COMPLAINT-RECONSIDER", "newDecisionId",
                "a changed decision is a new decision");
        String schedule = complaint.reconsiderationSchedule;
        apply(new ComplaintReconsidered(grantId, c.complaintId(), c.reconsideredOn(), c.outcome(), c.reasons(),
                complaint.reconsiderationKey));
        deadlines.cancelSchedule(Complaints.RECONSIDERATION_DEADLINE, schedule);
        RulesInForce in = rules.inForce(municipality, paragraph, c.reconsideredOn());
        if (!upheld || c.terms() != null) {
            changeInFavour(complaint, c, in, calendar, deadlines);
        }
        if (upheld) {
            Entry decision = decisions.get(complaint.decisionId).orElseThrow();
            LocalDate expected = calendar.plus(c.reconsideredOn(), in.general().appealDecisionExpected());
            String key = grantId + "/escalation/" + c.complaintId();
            String escalation = deadlines.schedule(Copenhagen.startOf(expected), Complaints.ESCALATION_DEADLINE,
                    new DeadlinePayload(key, expected));
            apply(new ComplaintEscalatedToAnkestyrelsen(grantId, caseId, c.complaintId(), complaint.decisionId, c.reconsideredOn(),
                    List.copyOf(c.caseMaterial()), expected, decision.noticeRule != null ? "NOTICE-3A-COMPLAINT" : "APPEAL-OUTCOME",
                    key, escalation));
        }
    }

    /** The decision complained about is changed in the citizen's favour; the change is a new decision. */
    private void changeInFavour(Complaint complaint, ReconsiderComplaint c, RulesInForce in, LegalCalendar calendar,
                                DeadlineManager deadlines) {
        Entry changed = decisions.get(complaint.decisionId).orElseThrow();
        RuleViolation.require(c.newDecisionId() != null, "COMPLAINT-RECONSIDER", "newDecisionId", "a changed decision is a new decision");
        if (changed.changesTheService()) {
            revoke(changed, complaint.id, "changed in the citizen's favour on reconsideration", deadlines);
        }
        boolean nowGranted = changed.kind == Kind.REJECTION;
        GrantTerms newTerms = c.terms() != null ? TermsCheck.check(in, c.terms(), "") : null;
        RuleViolation.require(newTerms != null || changed.changesTheService(), "COMPLAINT-RECONSIDER", "terms",
                "give the terms of the service as now decided");
        var cadences = nowGranted ? Cadences.forGrant(in, null, true, c.reconsideredOn(), null, calendar) : List.<dk.grantlifecycle.domain.followup.Cadence>of();
        apply(new DecisionChangedInFavour(grantId, caseId, paragraph, complaint.id, complaint.decisionId, c.newDecisionId(),
                c.reconsideredOn(), newTerms, in.version(), cadences, nowGranted));
        decisions.openWindow(grantId, caseId, c.newDecisionId(), c.reconsideredOn(), in.general(), calendar, deadlines);
    }

    private void revoke(Entry e, String complaintId, String reason, DeadlineManager deadlines) {
        if (e.revoked) {
            return;
        }
        String schedule = e.effectPending ? e.effectSchedule : null;
        apply(new DecisionRevoked(grantId, e.id, complaintId, reason, e.kind == Kind.REDUCTION ? e.previousTerms : null,
                e.kind == Kind.TERMINATION && ended, e.effectKey));
        if (schedule != null) {
            deadlines.cancelSchedule(DecisionLog.EFFECT_DEADLINE, schedule);
        }
    }

    @CommandHandler
    public void handle(RecordAppealDecision c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        Complaint complaint = complaints.get(c.complaintId()).orElseThrow(() -> new InvalidState("no complaint " + c.complaintId()));
        InvalidState.check(complaint.status == Complaints.Status.AT_ANKESTYRELSEN, "the complaint is not at Ankestyrelsen");
        RuleViolation.require(c.outcome() != null && c.receivedOn() != null, "APPEAL-OUTCOME", "outcome",
                "give Ankestyrelsen's outcome and when it was received");
        String schedule = complaint.escalationSchedule;
        apply(new AppealDecided(grantId, caseId, c.complaintId(), complaint.decisionId, c.outcome(),
                c.decidedOn() == null ? c.receivedOn() : c.decidedOn(), c.receivedOn(), c.reference(), complaint.escalationKey));
        deadlines.cancelSchedule(Complaints.ESCALATION_DEADLINE, schedule);
        Entry decision = decisions.get(complaint.decisionId).orElseThrow();
        if (!decision.changesTheService() || decision.revoked) {
            return;
        }
        if (c.outcome().revokes()) {
            revoke(decision, complaint.id, "Ankestyrelsen: " + c.outcome(), deadlines);
        } else if (decision.effectHeld) {
            LocalDate on = c.receivedOn().isAfter(decision.effectiveOn) ? c.receivedOn() : decision.effectiveOn;
            takeEffect(decision, on, rules, calendar, deadlines);
        }
    }

    @CommandHandler
    public void handle(RecordSuspension c) {
        Complaint complaint = complaints.get(c.complaintId()).orElseThrow(() -> new InvalidState("no complaint " + c.complaintId()));
        InvalidState.check(complaint.pending(), "the complaint is no longer pending");
        Entry decision = decisions.get(complaint.decisionId).orElseThrow();
        RuleViolation.require(decision.changesTheService() && (decision.effectPending || decision.effectHeld), "COMPLAINT-NO-SUSPENSION",
                "complaintId", "only a reduction or ending that has not yet taken effect can be suspended");
        apply(new SuspensionGrantedByAnkestyrelsen(grantId, c.complaintId(), complaint.decisionId, c.grantedOn(), c.reference()));
    }

    @DeadlineHandler(deadlineName = DecisionLog.WINDOW_DEADLINE)
    void windowPassed(DeadlinePayload due) {
        decisions.byWindowKey(due.deadlineKey()).filter(e -> e.windowOpen)
                .ifPresent(e -> apply(new ComplaintWindowClosed(grantId, e.id, e.windowKey, "the complaint window passed without a complaint")));
    }

    @DeadlineHandler(deadlineName = Complaints.RECONSIDERATION_DEADLINE)
    void reconsiderationDue(DeadlinePayload due) {
        complaints.byReconsiderationKey(due.deadlineKey())
                .filter(c -> c.status == Complaints.Status.AWAITING_RECONSIDERATION && !c.reconsiderationFired)
                .ifPresent(c -> apply(new ReconsiderationDue(grantId, c.id, due.deadlineKey(), due.dueOn())));
    }

    @DeadlineHandler(deadlineName = Complaints.ESCALATION_DEADLINE)
    void appealOverdue(DeadlinePayload due) {
        complaints.byEscalationKey(due.deadlineKey())
                .filter(c -> c.status == Complaints.Status.AT_ANKESTYRELSEN && !c.escalationFired)
                .ifPresent(c -> apply(new AppealDecisionOverdue(grantId, c.id, due.deadlineKey(), due.dueOn())));
    }

    @CommandHandler
    public void handle(HearCitizen c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlines) {
        assertActive();
        hearings.request(caseId, c.hearingId(), c.sentOn(), c.answerBy(),
                rules.general(municipality, c.sentOn()).hearingAnswer(), c.facts(), calendar, deadlines);
    }

    @CommandHandler
    public void handle(RecordHearingAnswer c, DeadlineManager deadlines) {
        hearings.answer(caseId, c.hearingId(), c.answeredOn(), c.answer(), deadlines);
    }

    @DeadlineHandler(deadlineName = Hearings.DEADLINE)
    void hearingDeadlinePassed(DeadlinePayload due) {
        hearings.deadlinePassed(caseId, due);
    }

    /** SHELTER-NOTIFY: the shelter informs the municipality within a number of hverdage of admission or discharge. */
    private void expectShelterNotice(ShelterNotice kind, LocalDate on, RuleBook rules, LegalCalendar calendar,
                                     DeadlineManager deadlines) {
        Integer hverdage = rules.inForce(municipality, paragraph, on).rules().shelterNotifyHverdage();
        if (hverdage == null) {
            return;
        }
        LocalDate due = calendar.plusHverdage(on, hverdage);
        String key = grantId + "/shelter-" + kind.name().toLowerCase();
        String schedule = deadlines.schedule(Copenhagen.startOf(calendar.dayAfter(due)), SHELTER_DEADLINE, new DeadlinePayload(key, due));
        apply(new ShelterNotificationDue(grantId, caseId, kind, due, key, schedule));
    }

    @CommandHandler
    public void handle(RecordShelterNotification c, DeadlineManager deadlines) {
        ShelterNotificationDue due = shelterNotices.get(c.kind());
        InvalidState.check(due != null, "no " + c.kind() + " notice is expected for this grant");
        RuleViolation.require(c.receivedOn() != null, "SHELTER-NOTIFY", "receivedOn", "is required");
        apply(new ShelterNotified(grantId, c.kind(), c.receivedOn(), c.receivedOn().isAfter(due.dueOn()), due.deadlineKey()));
        deadlines.cancelSchedule(SHELTER_DEADLINE, due.scheduleId());
    }

    @DeadlineHandler(deadlineName = SHELTER_DEADLINE)
    void shelterNoticeOverdue(DeadlinePayload due) {
        shelterNotices.values().stream().filter(n -> n.deadlineKey().equals(due.deadlineKey()) && !overdueShelterNotices.contains(n.deadlineKey()))
                .findFirst().ifPresent(n -> apply(new ShelterNotificationOverdue(grantId, n.deadlineKey(), n.dueOn())));
    }

    @CommandHandler
    public void handle(RecordHoursUsed c) {
        assertStarted();
        apply(hours.use(grantId, paragraph, c.month(), c.hours()));
    }

    @CommandHandler
    public void handle(MoveHours c) {
        assertStarted();
        apply(hours.move(grantId, c));
    }

    @CommandHandler
    public void handle(GrantCompanionExpenses c, RuleBook rules) {
        assertActive();
        InvalidState.check(paragraph == Paragraph.SEL97, "the companion expenses subsidy belongs to § 97");
        apply(hours.expenses(grantId, c, rules.inForce(municipality, paragraph, LocalDate.of(c.year(), 1, 1)).rules()));
    }

    @CommandHandler
    public void handle(RecordHolidaySupport c, RuleBook rules) {
        assertStarted();
        Integer allowed = rules.inForce(municipality, paragraph, c.from()).rules().holidayDaysPerYear();
        apply(hours.holiday(grantId, c, allowed));
    }

    @CommandHandler
    public void handle(AssessOwnPayment c, RuleBook rules) {
        assertActive();
        apply(Payments.ownPayment(grantId, paragraph, c, rules.inForce(municipality, paragraph, c.from()).rules()));
    }

    @CommandHandler
    public void handle(AssessTransportContribution c, RuleBook rules) {
        assertActive();
        apply(Payments.transport(grantId, c, rules.inForce(municipality, paragraph, c.month().atDay(1)).rules()));
    }

    private void assertActive() {
        InvalidState.check(granted && !ended, "the grant is not active");
    }

    private void assertStarted() {
        assertActive();
        InvalidState.check(startedOn != null, "the service has not started");
    }

    @EventSourcingHandler
    void on(ServiceGranted e) {
        opened(e);
        granted = true;
        terms = e.decision().terms();
        actionPlan = e.decision().actionPlan();
    }

    @EventSourcingHandler
    void on(ServiceRejected e) {
        opened(e);
    }

    private void opened(GrantEvent.Opened e) {
        grantId = e.grantId();
        caseId = e.caseId();
        municipality = e.municipality();
        paragraph = e.decision().paragraph();
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(OutreachContactStarted e) {
        grantId = e.grantId();
        caseId = e.grantId().value();
        municipality = e.municipality();
        paragraph = Paragraph.SEL99;
        granted = true;
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(WrittenDecisionIssued e) {
        decisions.on(e);
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
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(ScopeReduced e) {
        decisions.on(e, terms);
    }

    @EventSourcingHandler
    void on(ReductionTookEffect e) {
        terms = e.terms();
        decisions.tookEffect(e.decisionId());
    }

    @EventSourcingHandler
    void on(GrantTerminated e) {
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(GrantEnded e) {
        ended = true;
        decisions.tookEffect(e.decisionId());
    }

    @EventSourcingHandler
    void on(ReductionNoticeGiven e) {
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(EffectSuspendedPendingAppeal e) {
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(DecisionRevoked e) {
        decisions.on(e);
        if (e.restoredTerms() != null) {
            terms = e.restoredTerms();
        }
        if (e.reinstated()) {
            ended = false;
        }
    }

    @EventSourcingHandler
    void on(DecisionChangedInFavour e) {
        decisions.on(e);
        if (e.terms() != null) {
            terms = e.terms();
        }
        if (e.nowGranted()) {
            granted = true;
        }
    }

    @EventSourcingHandler
    void on(ComplaintWindowOpened e) {
        decisions.on(e);
    }

    @EventSourcingHandler
    void on(ComplaintWindowClosed e) {
        decisions.on(e);
    }


    @EventSourcingHandler
    void on(ShelterNotificationDue e) {
        shelterNotices.put(e.kind(), e);
    }

    @EventSourcingHandler
    void on(ShelterNotified e) {
        shelterNotices.remove(e.kind());
    }

    @EventSourcingHandler
    void on(ShelterNotificationOverdue e) {
        overdueShelterNotices.add(e.deadlineKey());
    }
}
