package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.*;
import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Deadlines;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.hearing.Hearings;
import dk.grantlifecycle.domain.rules.DecisionRules;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.BirthDates;
import dk.grantlifecycle.domain.shared.AgeBand;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MalformedInput;
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

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An application from receipt to decision: screening, the assessment it is judged on, the
 * case-processing deadline (CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER, CASE-REMITTED), the
 * treatment guarantee (SEL101-GUARANTEE) and the decision with one outcome per requested service.
 */
@AggregateRoot
public class Application {

    @AggregateIdentifier
    private ApplicationId applicationId;
    private CitizenId citizenId;
    /** The birth date from the CPR number; null when anonymous or once erased. */
    private LocalDate birthDate;
    /** ANONYMOUS: the age band stated at receipt instead. */
    private AgeBand ageBand;
    private boolean erasureRecorded;
    private LocalDate closedOn;
    private MunicipalityId municipality;
    private Paragraph paragraph;
    private List<RequestedService> services;
    private Set<Fact> receiptFacts;
    private LocalDate receivedOn;
    private boolean open;
    private AssessmentId assessmentId;
    private Map<String, VumLevel> scores;
    private int caseDeadlinesOpened;
    private String routedTo;
    private String assignedTeam;
    private final Set<ComplaintId> remittedOn = new HashSet<>();
    @AggregateMember
    private final Deadlines deadlines = new Deadlines();
    @AggregateMember
    private final Hearings hearings = new Hearings();

    protected Application() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(ReceiveApplication c, RuleBook rules, DeadlineManager scheduler) {
        assertNamesTheCitizenOrIsAnonymous(c);
        assertServicesAskedFor(c.services());
        RulesInForce in = rules.inForce(c.municipality(), c.paragraph(), c.receivedOn());
        Set<Fact> facts = c.facts() == null ? Set.of() : Set.copyOf(c.facts());
        BirthDates birth = born(c.citizen() == null ? null : c.citizen().cpr().birthDate(),
                c.anonymous() == null ? null : c.anonymous().ageBand(), c.receivedOn(), rules.calendar());
        ParagraphRules.Routing routing = in.rules().routing();
        boolean routed = routing != null && routedByAge(birth, c.receivedOn(), routing);
        apply(new ApplicationReceived(c.applicationId(), c.citizenId(), c.citizen(), c.municipality(), c.paragraph(),
                List.copyOf(c.services()), c.source(), c.acute(), c.receivedOn(), c.team(), facts, in.version(),
                c.anonymous()));
        if (routed) {
            apply(new CaseRoutedToUnit(c.applicationId(), routing.unit(), routing.rule()));
        }
        if (c.acute()) {
            openCaseDeadline(c.receivedOn(), RuleId.CASE_ACUTE, scheduler);
        }
        if (in.rules().caseProcessing() != null) {
            openCaseDeadline(rules.calendar().plus(c.receivedOn(), in.rules().caseProcessing()), RuleId.CASE_DEADLINE, scheduler);
        }
        if (in.rules().treatmentGuarantee() != null && !facts.contains(Fact.FREE_CHOICE_OF_TREATMENT_PROVIDER)) {
            Deadline guarantee = Deadline.of(DeadlineId.of(c.applicationId(), "treatment-guarantee", null),
                    DeadlineKind.TREATMENT_GUARANTEE, RuleId.SEL101_GUARANTEE,
                    rules.calendar().plus(c.receivedOn(), in.rules().treatmentGuarantee()), Party.MUNICIPALITY);
            deadlines.open(guarantee, d -> new TreatmentGuaranteeSet(c.applicationId(), d), scheduler);
        }
    }

    /**
     * SEL85-UNDER25: a case routed to another unit is that unit's; a caseworker of another team
     * cannot take it (004 § 12: "vil din ansøgning bliver behandlet i den kommunale Ungeindsats").
     */
    @CommandHandler
    public void handle(AssignCaseworker c) {
        String team = c.team() == null ? routedTo : c.team();
        RuleViolation.require(routedTo == null || routedTo.equals(team), RuleId.SEL85_UNDER25, "team",
                "the case was routed to " + routedTo + "; only its caseworkers handle it");
        apply(new CaseworkerAssigned(applicationId, team, c.caseworker()));
    }

    /**
     * A referral refuses every requested service (Retssikkerhedsloven § 5): each gets a rejected
     * grant line with the referral, so the decision has its reasons, guidance, receipt and complaint
     * window like any refusal. Answers the grant lines it opens.
     */
    @CommandHandler
    public List<ServiceLine> handle(ReferElsewhere c, RuleBook rules, DeadlineManager scheduler) {
        assertOpen();
        RuleViolation.require(c.referredTo() != null && !c.referredTo().isBlank(), RuleId.DECISION_CONTENT, "referredTo",
                "name where the citizen is referred");
        assertDatedOnOrAfterReceipt(c.referredOn());
        assertDecidedByTheRoutedUnit();
        hearings.assertHeard(c.factsNotSeenByCitizen(), c.hearingId());
        RulesInForce in = rules.inForce(municipality, paragraph, c.referredOn());
        List<ServiceDecision> outcomes = DecisionMaker.referral(in, services, c.decisionId(), c.reason(), c.ruleIds(),
                c.referredTo());
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.referredOn(), in.general(), rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), false, sent, in.general(), rules.calendar());
        deadlines.closeAll(new ApplicationDecided(applicationId, c.decisionId(), c.referredOn(), citizenId, municipality,
                paragraph, in.version(), assessmentId, outcomes, receiptFacts, content, sent.channel(), sent.receivedOn(),
                caseDeadlineIds(), c.referredTo(), c.hearingId()), scheduler);
        return outcomes.stream().map(o -> new ServiceLine(o.service().code(), o.grantId())).toList();
    }

    /** The citizen's withdrawal closes the application and every deadline it has, without a decision. */
    @CommandHandler
    public void handle(WithdrawApplication c, DeadlineManager scheduler) {
        assertOpen();
        if (c.withdrawnOn() == null || c.withdrawnOn().isBefore(receivedOn)) {
            throw new MalformedInput("withdrawnOn", "an application is withdrawn on or after its receipt, " + receivedOn);
        }
        List<DeadlineId> open = deadlines.openWhere(d -> true).stream().map(Deadline::id).toList();
        deadlines.closeAll(new ApplicationWithdrawn(applicationId, c.withdrawnOn(),
                c.form() == null ? StatementForm.WRITTEN : c.form(), c.note(), open), scheduler);
    }

    @CommandHandler
    public void handle(StartAcuteSupport c, DeadlineManager scheduler) {
        Deadline acute = deadlines.openWhere(d -> d.rule() == RuleId.CASE_ACUTE).stream().findFirst()
                .orElseThrow(() -> new RuleViolation(RuleId.CASE_ACUTE, "acute", "the application is not marked acute"));
        deadlines.close(new AcuteSupportStarted(applicationId, acute.id(), c.startedOn(), c.description()), scheduler);
    }

    @CommandHandler
    public void handle(AttachAssessment c) {
        if (c.assessmentId().equals(assessmentId) && c.scores().equals(scores)) {
            return;
        }
        apply(new AssessmentAttached(applicationId, c.assessmentId(), Map.copyOf(c.scores()), c.completedOn()));
    }

    @CommandHandler
    public void handle(DecideApplication c, RuleBook rules, CitizenGrants citizenGrants, DeadlineManager scheduler) {
        assertOpen();
        assertDatedOnOrAfterReceipt(c.decidedOn());
        assertDecidedByTheRoutedUnit();
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        assertAssessedWhenGranting(in, c);
        // ANONYMOUS: an anonymous citizen's earlier grants cannot be known.
        boolean earlierGrant = citizenId != null && citizenGrants.hadGrantUnder(citizenId, paragraph);
        DecisionMaker maker = new DecisionMaker(in, c, born(birthDate, ageBand, receivedOn, rules.calendar()), scores,
                factsAtDecision(c, in, earlierGrant), citizenId == null ? Set.of() : citizenGrants.activeParagraphs(citizenId),
                rules.calendar());
        List<ServiceDecision> outcomes = maker.outcomes(services);
        boolean fullyInFavour = outcomes.stream().allMatch(ServiceDecision::granted);
        if (!fullyInFavour) {
            hearings.assertHeard(c.factsNotSeenByCitizen(), c.hearingId());
        }
        DecisionRules.Sent sent = DecisionRules.sent(c.delivery(), c.decidedOn(), in.general(), rules.calendar());
        DecisionContent content = DecisionRules.content(c.content(), fullyInFavour, sent, in.general(),
                rules.calendar());
        deadlines.closeAll(new ApplicationDecided(applicationId, c.decisionId(), c.decidedOn(), citizenId, municipality,
                paragraph, in.version(), assessmentId, outcomes, maker.facts(), content, sent.channel(), sent.receivedOn(),
                caseDeadlineIds(), null, c.hearingId()), scheduler);
    }

    @CommandHandler
    public void handle(HearCitizen c, RuleBook rules, DeadlineManager scheduler) {
        assertOpen();
        RuleViolation.require(c.sentOn() != null, RuleId.HEARING, "sentOn", "is required");
        hearings.request(caseId(), applicationId.value(), c.hearingId(), c.sentOn(), c.answerBy(), c.facts(), c.delivery(),
                rules.general(municipality, c.sentOn()), rules.calendar(), deadlines, scheduler);
    }

    @CommandHandler
    public void handle(RecordHearingAnswer c, DeadlineManager scheduler) {
        hearings.answer(caseId(), applicationId.value(), c.hearingId(), c.answeredOn(), c.answer(), deadlines, scheduler);
    }

    @CommandHandler
    public void handle(InformCitizenOfDelay c, DeadlineManager scheduler) {
        assertOpen();
        RuleViolation.require(c.expectedDecisionBy() != null && c.informedOn() != null
                        && c.expectedDecisionBy().isAfter(c.informedOn()), RuleId.CASE_DEADLINE_LETTER, "expectedDecisionBy",
                "the letter names a date after it is sent");
        for (DeadlineId replaced : caseDeadlineIds()) {
            deadlines.close(new CitizenInformedOfDelay(applicationId, replaced, c.informedOn(), c.expectedDecisionBy(),
                    c.reason()), scheduler);
        }
        openCaseDeadline(c.expectedDecisionBy(), RuleId.CASE_DEADLINE_LETTER, scheduler);
    }

    @CommandHandler
    public void handle(ReopenAfterRemittal c, RuleBook rules, DeadlineManager scheduler) {
        RuleViolation.require(c.receivedOn() != null, RuleId.CASE_REMITTED, "receivedOn",
                "when Ankestyrelsen's decision was received");
        if (c.complaintId() != null && remittedOn.contains(c.complaintId())) {
            return;
        }
        InvalidState.check(!open, "the application is still being processed; only a decided case can be remitted");
        apply(new CaseRemitted(applicationId, c.receivedOn(), c.appealReference(), c.grantId(), c.complaintId()));
        ParagraphRules own = rules.inForce(municipality, paragraph, c.receivedOn()).rules();
        if (own.caseProcessing() != null) {
            openCaseDeadline(rules.calendar().plus(c.receivedOn(), own.caseProcessing()), RuleId.CASE_REMITTED, scheduler);
        }
    }

    @CommandHandler
    public void handle(NoteTreatmentStarted c, DeadlineManager scheduler) {
        deadlines.openWhere(d -> d.kind() == DeadlineKind.TREATMENT_GUARANTEE).forEach(d ->
                deadlines.close(new TreatmentStarted(applicationId, d.id(), c.startedOn()), scheduler));
    }

    /**
     * NO-DELETE-WITHOUT-ARCHIVE: erasure makes the citizen's personal data unreadable (the key is
     * destroyed when the event is stored); the case itself is kept. Refused while the case is under
     * its retention rule unless the archive authority's permission is named. A repeat changes nothing.
     */
    @CommandHandler
    public void handle(EraseCitizenData c, RuleBook rules) {
        RuleViolation.require(citizenId != null, RuleId.ANONYMOUS, "applicationId",
                "an anonymous case holds no CPR number or name to erase");
        RuleViolation.require(c.reason() != null && !c.reason().isBlank(), RuleId.NO_DELETE_WITHOUT_ARCHIVE, "reason",
                "state why the personal data is erased");
        if (erasureRecorded) {
            return;
        }
        boolean retained = underRetention(c.requestedOn(), rules.general(municipality, c.requestedOn()).caseRetention(),
                rules.calendar());
        boolean permitted = c.archivePermission() != null && !c.archivePermission().isBlank();
        RuleViolation.require(!retained || permitted, RuleId.NO_DELETE_WITHOUT_ARCHIVE, "archivePermission",
                (open ? "the case is open" : "the case closed on " + closedOn + " is still under its retention rule")
                        + "; erasure needs the archive authority's permission reference");
        apply(new CitizenDataErased(applicationId, citizenId, c.requestedOn(), c.reason(), retained,
                permitted ? c.archivePermission() : null));
    }

    @DeadlineHandler
    void deadlineReached(DeadlinePayload due) {
        deadlines.reached(due).ifPresent(d -> {
            switch (d.kind()) {
                case CASE_PROCESSING -> apply(new CaseProcessingDeadlineReached(applicationId, d.id(), d.dueOn(), d.rule()));
                case TREATMENT_GUARANTEE -> apply(new TreatmentGuaranteeBreached(applicationId, d.id(), d.dueOn()));
                case HEARING_ANSWER -> hearings.deadlinePassed(caseId(), applicationId.value(), d);
                default -> throw new IllegalStateException("an application has no " + d.kind() + " deadline");
            }
        });
    }

    private void openCaseDeadline(LocalDate due, RuleId rule, DeadlineManager scheduler) {
        Deadline deadline = Deadline.of(DeadlineId.of(applicationId, "case-processing", caseDeadlinesOpened + 1),
                DeadlineKind.CASE_PROCESSING, rule, due, Party.MUNICIPALITY);
        deadlines.open(deadline, d -> new CaseProcessingDeadlineSet(applicationId, d), scheduler);
    }

    private List<DeadlineId> caseDeadlineIds() {
        return deadlines.openWhere(d -> d.kind() == DeadlineKind.CASE_PROCESSING).stream().map(Deadline::id).toList();
    }

    /**
     * The caseworker's findings, plus what the command side knows of the citizen's earlier grants
     * under the paragraph, recorded as the finding the rule files name for it ({@code earlierSupportFact}).
     */
    private Set<Fact> factsAtDecision(DecideApplication c, RulesInForce in, boolean earlierGrant) {
        Set<Fact> facts = EnumSet.noneOf(Fact.class);
        facts.addAll(receiptFacts);
        if (c.facts() != null) {
            facts.addAll(c.facts());
        }
        Fact earlier = in.rules().earlierSupportFact();
        if (earlier != null && earlierGrant) {
            facts.add(earlier);
        }
        return facts;
    }

    private CaseId caseId() {
        return CaseId.of(applicationId);
    }

    /** A case names its citizen (CPR-VALID) or is anonymous with a case reference and an age band (ANONYMOUS), not both. */
    private static void assertNamesTheCitizenOrIsAnonymous(ReceiveApplication c) {
        if (c.anonymous() == null) {
            RuleViolation.require(c.citizenId() != null && c.citizen() != null && !c.citizen().erased(), RuleId.CPR_VALID,
                    "citizen", "the citizen is required");
            return;
        }
        RuleViolation.require(c.citizenId() == null && c.citizen() == null, RuleId.ANONYMOUS, "citizen",
                "an anonymous application records no CPR number or name");
        String reference = c.anonymous().caseReference();
        RuleViolation.require(reference != null && !reference.isBlank(), RuleId.ANONYMOUS, "caseReference",
                "an anonymous application is named by a case reference");
        RuleViolation.require(c.anonymous().ageBand() != null, RuleId.ANONYMOUS, "ageBand",
                "an anonymous application states the citizen's age band");
    }

    /** What is known of the birth date: from the CPR number, or a stated age band (ANONYMOUS); null once erased. */
    private static BirthDates born(LocalDate birthDate, AgeBand band, LocalDate statedOn, LegalCalendar calendar) {
        if (birthDate != null) {
            return BirthDates.of(birthDate);
        }
        return band == null ? null : calendar.birthDates(band, statedOn);
    }

    /** SEL85-UNDER25: routed when every age the citizen may have is under the limit; a band across it cannot tell. */
    private static boolean routedByAge(BirthDates birth, LocalDate on, ParagraphRules.Routing routing) {
        boolean oldestUnder = Period.between(birth.earliest(), on).getYears() < routing.underAge();
        boolean youngestUnder = Period.between(birth.latest(), on).getYears() < routing.underAge();
        RuleViolation.require(oldestUnder == youngestUnder, routing.rule(), "ageBand",
                "the stated age band allows ages on both sides of " + routing.underAge() + "; state a narrower band");
        return oldestUnder;
    }

    /** Open cases are retained; a closed one until its retention period has passed (always, when the rules set none). */
    private boolean underRetention(LocalDate on, Period retention, LegalCalendar calendar) {
        return open || retention == null || on == null || on.isBefore(calendar.plus(closedOn, retention));
    }

    private static void assertServicesAskedFor(List<RequestedService> services) {
        RuleViolation.require(services != null && !services.isEmpty(), RuleId.SEL85_PARTIAL, "services",
                "name at least one service asked for");
        RuleViolation.require(services.stream().allMatch(s -> s != null && s.code() != null && !s.code().isBlank()),
                RuleId.SEL85_PARTIAL, "services", "every requested service has a code");
        RuleViolation.require(services.stream().map(RequestedService::code).distinct().count() == services.size(),
                RuleId.SEL85_PARTIAL, "services", "each requested service is named once");
    }

    /** SEL85-UNDER25: the unit the case was routed to decides it, through a caseworker of its own. */
    private void assertDecidedByTheRoutedUnit() {
        RuleViolation.require(routedTo == null || routedTo.equals(assignedTeam), RuleId.SEL85_UNDER25, "caseworker",
                "the case was routed to " + routedTo + "; a caseworker of " + routedTo + " is assigned and decides it");
    }

    private void assertOpen() {
        InvalidState.check(open, "the application is no longer being processed");
    }

    private void assertDatedOnOrAfterReceipt(LocalDate decidedOn) {
        RuleViolation.require(decidedOn != null && !decidedOn.isBefore(receivedOn), RuleId.CASE_DEADLINE, "decidedOn",
                "a decision is dated on or after the application's receipt, " + receivedOn);
    }

    /** VUM-SCALE: a grant judged on VUM levels waits for a completed assessment. */
    private void assertAssessedWhenGranting(RulesInForce in, DecideApplication c) {
        boolean granting = c.outcomes() != null && c.outcomes().stream().anyMatch(o -> o != null && o.outcome() == Outcome.GRANTED);
        boolean needsAssessment = granting && in.rules().eligibilityOrNone().levels() != null;
        RuleViolation.require(!needsAssessment || scores != null, RuleId.VUM_SCALE, "assessment",
                "the decision needs a completed VUM assessment of the application");
    }

    @EventSourcingHandler
    void on(ApplicationReceived e) {
        applicationId = e.applicationId();
        citizenId = e.citizenId();
        birthDate = e.citizen() == null || e.citizen().erased() ? null : e.citizen().cpr().birthDate();
        ageBand = e.anonymous() == null ? null : e.anonymous().ageBand();
        municipality = e.municipality();
        paragraph = e.paragraph();
        services = e.services();
        receiptFacts = e.facts() == null ? Set.of() : e.facts();
        receivedOn = e.receivedOn();
        open = true;
    }

    @EventSourcingHandler
    void on(CaseRoutedToUnit e) {
        routedTo = e.unit();
        assignedTeam = null;
    }

    @EventSourcingHandler
    void on(CaseworkerAssigned e) {
        assignedTeam = e.team();
    }

    @EventSourcingHandler
    void on(CaseProcessingDeadlineSet e) {
        caseDeadlinesOpened++;
    }

    @EventSourcingHandler
    void on(AssessmentAttached e) {
        assessmentId = e.assessmentId();
        scores = e.scores();
    }

    @EventSourcingHandler
    void on(ApplicationReferredElsewhere e) {
        open = false;
        closedOn = e.referredOn();
    }

    @EventSourcingHandler
    void on(ApplicationDecided e) {
        open = false;
        closedOn = e.decidedOn();
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn e) {
        open = false;
        closedOn = e.withdrawnOn();
    }

    @EventSourcingHandler
    void on(CitizenDataErased e) {
        erasureRecorded = true;
        birthDate = null;
    }

    @EventSourcingHandler
    void on(CaseRemitted e) {
        open = true;
        closedOn = null;
        if (e.complaintId() != null) {
            remittedOn.add(e.complaintId());
        }
    }
}
