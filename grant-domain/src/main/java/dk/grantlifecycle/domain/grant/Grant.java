package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One service line of a case from its decision on: granted or rejected, action plan
 * (ACTION-PLAN), provider (NO-FAMILY-PROVIDER, NO-FREE-CHOICE), start, changes of scope, ending
 * (END-REASONS, EXCL-99-SUPPLEMENT) and the hour accounts of §§ 97-98. Every decision on the line
 * keeps its id, so that any of them can be complained about.
 */
@AggregateRoot
public class Grant {

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
    private final List<DecisionId> decisions = new ArrayList<>();
    private final HourAccounts hours = new HourAccounts();

    protected Grant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenGrant c) {
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
    }

    @CommandHandler
    public Grant(StartOutreachContact c, RuleBook rules) {
        RuleViolation.require(c.startedOn() != null, "SEL99-NO-VISITATION", "startedOn", "is required");
        RulesInForce in = rules.inForce(c.municipality(), Paragraph.SEL99, c.startedOn());
        apply(new OutreachContactStarted(c.grantId(), c.municipality(), c.citizenId(), c.startedOn(), c.description(),
                in.version()));
    }

    @CommandHandler
    public void handle(IssueWrittenDecision c) {
        InvalidState.check(paragraph == Paragraph.SEL99, "written decisions on request are for § 99 outreach support");
        RuleViolation.require(c.content() != null && c.content().hasReasons(), "SEL99-NO-VISITATION", "content",
                "the decision states its reasons: rules, discretion and facts");
        RuleViolation.require(c.content().hasComplaintGuidance(), "SEL99-NO-VISITATION", "content.complaintGuidance",
                "the decision carries complaint guidance");
        apply(new WrittenDecisionIssued(grantId, c.decisionId(), c.decidedOn(), c.content()));
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
    public void handle(StartService c) {
        assertActive();
        InvalidState.check(startedOn == null, "the service has already started");
        RuleViolation.require(actionPlan != ActionPlanDuty.MUST_OFFER || actionPlanOffered, "ACTION-PLAN", "actionPlan",
                "an action plan must be offered before the service starts");
        apply(new ServiceStarted(grantId, caseId, paragraph, c.startedOn()));
    }

    @CommandHandler
    public void handle(IncreaseScope c, RuleBook rules) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        apply(new ScopeIncreased(grantId, c.decisionId(), c.decidedOn(), checked, in.version(), c.content()));
    }

    @CommandHandler
    public void handle(ReduceScope c, RuleBook rules) {
        assertActive();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        GrantTerms checked = TermsCheck.check(in, c.terms(), "");
        apply(new ScopeReduced(grantId, c.decisionId(), c.decidedOn(), c.decidedOn(), checked, null, in.version(),
                c.content(), c.receivedByCitizenOn()));
    }

    @CommandHandler
    public void handle(TerminateGrant c, RuleBook rules) {
        assertActive();
        RuleViolation.require(c.reason() != null, "END-REASONS", "reason",
                "a grant ends because its goals are met, it has no expected effect, the citizen does not cooperate or no longer wants it");
        RuleViolation.require(!(c.replacedBy() == Paragraph.SEL99 && NOT_REPLACED_BY_SEL99.contains(paragraph)),
                "EXCL-99-SUPPLEMENT", "replacedBy", "§ 99 supplements and never replaces " + paragraph.label());
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        LocalDate effective = c.effectiveOn() == null ? c.decidedOn() : c.effectiveOn();
        apply(new GrantTerminated(grantId, caseId, paragraph, c.decisionId(), c.decidedOn(), effective, c.reason(), null,
                in.version(), c.content(), c.receivedByCitizenOn(), c.citizenDeclinesAfterCare()));
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
        hours.granted(e.decision());
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
        decisions.add(e.decisionId());
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
        decisions.add(e.decisionId());
    }

    @EventSourcingHandler
    void on(ActionPlanOffered e) {
        actionPlanOffered = true;
    }

    @EventSourcingHandler
    void on(ServiceStarted e) {
        startedOn = e.startedOn();
        hours.started(e.startedOn());
    }

    @EventSourcingHandler
    void on(ScopeIncreased e) {
        terms = e.terms();
        decisions.add(e.decisionId());
    }

    @EventSourcingHandler
    void on(ScopeReduced e) {
        terms = e.terms();
        decisions.add(e.decisionId());
    }

    @EventSourcingHandler
    void on(GrantTerminated e) {
        ended = true;
        decisions.add(e.decisionId());
    }

    @EventSourcingHandler
    void on(CompanionHoursUsed e) {
        hours.on(e);
    }

    @EventSourcingHandler
    void on(ContactHoursUsed e) {
        hours.on(e);
    }

    @EventSourcingHandler
    void on(ContactHoursMoved e) {
        hours.on(e);
    }

    @EventSourcingHandler
    void on(CompanionExpensesGranted e) {
        hours.on(e);
    }

    @EventSourcingHandler
    void on(HolidaySupportRecorded e) {
        hours.on(e);
    }
}
