package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.*;
import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.assessment.AssessmentId;
import dk.grantlifecycle.domain.grant.DecisionContent;
import dk.grantlifecycle.domain.grant.Decisions;
import dk.grantlifecycle.domain.hearing.Hearings;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.Fact;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    static final String CASE_DEADLINE = "application-case-processing";
    static final String GUARANTEE_DEADLINE = "application-treatment-guarantee";

    @AggregateIdentifier
    private ApplicationId applicationId;
    private CitizenId citizenId;
    private Cpr cpr;
    private MunicipalityId municipality;
    private Paragraph paragraph;
    private List<RequestedService> services;
    private Set<Fact> receiptFacts;
    private LocalDate receivedOn;
    private boolean open;
    private AssessmentId assessmentId;
    private Map<String, VumLevel> scores;
    private final Map<String, OpenDeadline> deadlines = new LinkedHashMap<>();
    @AggregateMember
    private final Hearings hearings = new Hearings();
    private int caseDeadlines;

    private record OpenDeadline(String scheduleId, LocalDate dueOn, String ruleId, boolean guarantee, boolean fired) {
    }

    protected Application() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(ReceiveApplication c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlineManager) {
        RuleViolation.require(c.citizenId() != null && c.citizen() != null, "CPR-VALID", "citizen", "the citizen is required");
        RuleViolation.require(c.services() != null && !c.services().isEmpty(), "SEL85-PARTIAL", "services",
                "name at least one service asked for");
        RuleViolation.require(c.services().stream().allMatch(s -> s.code() != null && !s.code().isBlank()), "SEL85-PARTIAL",
                "services", "every requested service has a code");
        RuleViolation.require(c.services().stream().map(RequestedService::code).distinct().count() == c.services().size(),
                "SEL85-PARTIAL", "services", "each requested service is named once");
        RulesInForce in = rules.inForce(c.municipality(), c.paragraph(), c.receivedOn());
        Set<Fact> facts = c.facts() == null ? Set.of() : Set.copyOf(c.facts());
        apply(new ApplicationReceived(c.applicationId(), c.citizenId(), c.citizen(), c.municipality(), c.paragraph(),
                List.copyOf(c.services()), c.source(), c.acute(), c.receivedOn(), c.team(), facts, in.version()));
        ParagraphRules.Routing routing = in.rules().routing();
        if (routing != null && c.citizen().cpr().ageOn(c.receivedOn()) < routing.underAge()) {
            apply(new CaseRoutedToUnit(c.applicationId(), routing.unit(), routing.rule()));
        }
        if (c.acute()) {
            openCaseDeadline(deadlineManager, c.receivedOn(), "CASE-ACUTE");
        }
        if (in.rules().caseProcessing() != null) {
            openCaseDeadline(deadlineManager, calendar.plus(c.receivedOn(), in.rules().caseProcessing()), "CASE-DEADLINE");
        }
        if (in.rules().treatmentGuarantee() != null && !facts.contains(Fact.FREE_CHOICE_OF_TREATMENT_PROVIDER)) {
            LocalDate due = calendar.plus(c.receivedOn(), in.rules().treatmentGuarantee());
            String key = c.applicationId() + "/treatment-guarantee";
            String scheduleId = deadlineManager.schedule(Copenhagen.startOf(due), GUARANTEE_DEADLINE, new DeadlinePayload(key, due));
            apply(new TreatmentGuaranteeSet(c.applicationId(), key, due, "SEL101-GUARANTEE", scheduleId));
        }
    }

    @CommandHandler
    public void handle(AssignCaseworker c) {
        apply(new CaseworkerAssigned(applicationId, c.team(), c.caseworker()));
    }

    @CommandHandler
    public void handle(ReferElsewhere c, DeadlineManager deadlineManager) {
        assertOpen();
        RuleViolation.require(c.referredTo() != null && !c.referredTo().isBlank(), "SEL85-PENSIONER", "referredTo",
                "name where the citizen is referred");
        Map<String, String> closed = caseDeadlineSchedules();
        apply(new ApplicationReferredElsewhere(applicationId, c.referredTo(), c.reason(),
                c.ruleIds() == null ? List.of() : List.copyOf(c.ruleIds()), c.referredOn(), List.copyOf(closed.keySet())));
        cancel(deadlineManager, CASE_DEADLINE, closed);
    }

    @CommandHandler
    public void handle(StartAcuteSupport c, DeadlineManager deadlineManager) {
        String key = deadlines.keySet().stream().filter(k -> "CASE-ACUTE".equals(deadlines.get(k).ruleId())).findFirst()
                .orElseThrow(() -> new RuleViolation("CASE-ACUTE", "acute", "the application is not marked acute"));
        String scheduleId = deadlines.get(key).scheduleId();
        apply(new AcuteSupportStarted(applicationId, key, c.startedOn(), c.description()));
        deadlineManager.cancelSchedule(CASE_DEADLINE, scheduleId);
    }

    @CommandHandler
    public void handle(AttachAssessment c) {
        if (c.assessmentId().equals(assessmentId) && c.scores().equals(scores)) {
            return;
        }
        apply(new AssessmentAttached(applicationId, c.assessmentId(), Map.copyOf(c.scores()), c.completedOn()));
    }

    @CommandHandler
    public void handle(DecideApplication c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlineManager) {
        assertOpen();
        RuleViolation.require(c.decidedOn() != null && !c.decidedOn().isBefore(receivedOn), "CASE-DEADLINE", "decidedOn",
                "a decision is dated on or after the application's receipt, " + receivedOn);
        RulesInForce in = rules.inForce(municipality, paragraph, c.decidedOn());
        DecisionMaker maker = new DecisionMaker(in, c, cpr.birthDate(), scores, receiptFacts, calendar);
        var outcomes = maker.outcomes(services);
        boolean needsAssessment = outcomes.stream().anyMatch(o -> o.granted()) && in.rules().eligibilityOrNone().levels() != null;
        RuleViolation.require(!needsAssessment || scores != null, "VUM-SCALE", "assessment",
                "the decision needs a completed VUM assessment of the application");
        boolean fullyInFavour = outcomes.stream().allMatch(o -> o.granted());
        if (!fullyInFavour) {
            hearings.assertHeard(c.factsNotSeenByCitizen(), "factsNotSeenByCitizen");
        }
        Decisions.Sent sent = Decisions.sent(c.delivery(), c.decidedOn(), in.general(), calendar);
        DecisionContent content = Decisions.content(c.content(), fullyInFavour, sent.receivedOn(), in.general(), calendar);
        Map<String, String> closed = caseDeadlineSchedules();
        apply(new ApplicationDecided(applicationId, c.decisionId(), c.decidedOn(), citizenId, municipality, paragraph,
                in.version(), assessmentId, outcomes, maker.facts(), content, sent.channel(), sent.receivedOn(),
                List.copyOf(closed.keySet())));
        cancel(deadlineManager, CASE_DEADLINE, closed);
    }

    @CommandHandler
    public void handle(HearCitizen c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlineManager) {
        assertOpen();
        hearings.request(applicationId.value(), c.hearingId(), c.sentOn(), c.answerBy(),
                rules.general(municipality, c.sentOn() == null ? receivedOn : c.sentOn()).hearingAnswer(), c.facts(),
                calendar, deadlineManager);
    }

    @CommandHandler
    public void handle(RecordHearingAnswer c, DeadlineManager deadlineManager) {
        hearings.answer(applicationId.value(), c.hearingId(), c.answeredOn(), c.answer(), deadlineManager);
    }

    @DeadlineHandler(deadlineName = Hearings.DEADLINE)
    void hearingDeadlinePassed(DeadlinePayload due) {
        hearings.deadlinePassed(applicationId.value(), due);
    }


    @CommandHandler
    public void handle(InformCitizenOfDelay c, DeadlineManager deadlineManager) {
        assertOpen();
        RuleViolation.require(c.expectedDecisionBy() != null && c.informedOn() != null
                        && c.expectedDecisionBy().isAfter(c.informedOn()), "CASE-DEADLINE-LETTER", "expectedDecisionBy",
                "the letter names a date after it is sent");
        Map<String, String> replaced = caseDeadlineSchedules();
        replaced.keySet().forEach(key ->
                apply(new CitizenInformedOfDelay(applicationId, key, c.informedOn(), c.expectedDecisionBy(), c.reason())));
        openCaseDeadline(deadlineManager, c.expectedDecisionBy(), "CASE-DEADLINE-LETTER");
        cancel(deadlineManager, CASE_DEADLINE, replaced);
    }

    @CommandHandler
    public void handle(ReopenAfterRemittal c, RuleBook rules, LegalCalendar calendar, DeadlineManager deadlineManager) {
        RuleViolation.require(c.receivedOn() != null, "CASE-REMITTED", "receivedOn", "when Ankestyrelsen's decision was received");
        apply(new CaseRemitted(applicationId, c.receivedOn(), c.appealReference()));
        ParagraphRules own = rules.inForce(municipality, paragraph, c.receivedOn()).rules();
        if (own.caseProcessing() != null) {
            openCaseDeadline(deadlineManager, calendar.plus(c.receivedOn(), own.caseProcessing()), "CASE-REMITTED");
        }
    }

    @CommandHandler
    public void handle(NoteTreatmentStarted c, DeadlineManager deadlineManager) {
        deadlines.entrySet().stream().filter(e -> e.getValue().guarantee()).findFirst().ifPresent(e -> {
            String scheduleId = e.getValue().scheduleId();
            apply(new TreatmentStarted(applicationId, e.getKey(), c.startedOn()));
            deadlineManager.cancelSchedule(GUARANTEE_DEADLINE, scheduleId);
        });
    }

    @DeadlineHandler(deadlineName = CASE_DEADLINE)
    void caseDeadlineReached(DeadlinePayload due) {
        OpenDeadline d = deadlines.get(due.deadlineKey());
        if (d != null && !d.fired()) {
            apply(new CaseProcessingDeadlineReached(applicationId, due.deadlineKey(), d.dueOn(), d.ruleId()));
        }
    }

    @DeadlineHandler(deadlineName = GUARANTEE_DEADLINE)
    void guaranteeReached(DeadlinePayload due) {
        OpenDeadline d = deadlines.get(due.deadlineKey());
        if (d != null && !d.fired()) {
            apply(new TreatmentGuaranteeBreached(applicationId, due.deadlineKey(), d.dueOn()));
        }
    }

    private void openCaseDeadline(DeadlineManager deadlineManager, LocalDate due, String ruleId) {
        String key = applicationId + "/case-processing/" + (caseDeadlines + 1);
        String scheduleId = deadlineManager.schedule(Copenhagen.startOf(due), CASE_DEADLINE, new DeadlinePayload(key, due));
        apply(new CaseProcessingDeadlineSet(applicationId, key, due, ruleId, scheduleId));
    }

    /** The open case-processing deadlines, key to schedule id, captured before the event that closes them. */
    private Map<String, String> caseDeadlineSchedules() {
        Map<String, String> open = new LinkedHashMap<>();
        deadlines.forEach((key, d) -> {
            if (!d.guarantee()) {
                open.put(key, d.scheduleId());
            }
        });
        return open;
    }

    /**
     * Cancels schedules after the closing event is applied, so a command that loses a race with
     * another node fails on the event store (a retryable conflict) before it touches the scheduler.
     */
    static void cancel(DeadlineManager deadlineManager, String name, Map<String, String> schedules) {
        schedules.values().forEach(id -> deadlineManager.cancelSchedule(name, id));
    }

    private void assertOpen() {
        InvalidState.check(open, "the application is no longer being processed");
    }

    @EventSourcingHandler
    void on(ApplicationReceived e) {
        applicationId = e.applicationId();
        citizenId = e.citizenId();
        cpr = e.citizen() == null ? null : e.citizen().cpr();
        municipality = e.municipality();
        paragraph = e.paragraph();
        services = e.services();
        receiptFacts = e.facts() == null ? Set.of() : e.facts();
        receivedOn = e.receivedOn();
        open = true;
    }

    @EventSourcingHandler
    void on(CaseProcessingDeadlineSet e) {
        caseDeadlines++;
        deadlines.put(e.deadlineKey(), new OpenDeadline(e.scheduleId(), e.dueOn(), e.ruleId(), false, false));
    }

    @EventSourcingHandler
    void on(TreatmentGuaranteeSet e) {
        deadlines.put(e.deadlineKey(), new OpenDeadline(e.scheduleId(), e.dueOn(), e.ruleId(), true, false));
    }

    @EventSourcingHandler
    void on(CaseProcessingDeadlineReached e) {
        deadlines.computeIfPresent(e.deadlineKey(), (k, d) -> new OpenDeadline(d.scheduleId(), d.dueOn(), d.ruleId(), false, true));
    }

    @EventSourcingHandler
    void on(TreatmentGuaranteeBreached e) {
        deadlines.computeIfPresent(e.deadlineKey(), (k, d) -> new OpenDeadline(d.scheduleId(), d.dueOn(), d.ruleId(), true, true));
    }

    @EventSourcingHandler
    void on(CitizenInformedOfDelay e) {
        deadlines.remove(e.deadlineKey());
    }

    @EventSourcingHandler
    void on(AcuteSupportStarted e) {
        deadlines.remove(e.deadlineKey());
    }

    @EventSourcingHandler
    void on(TreatmentStarted e) {
        deadlines.remove(e.deadlineKey());
    }

    @EventSourcingHandler
    void on(AssessmentAttached e) {
        assessmentId = e.assessmentId();
        scores = e.scores();
    }

    @EventSourcingHandler
    void on(ApplicationReferredElsewhere e) {
        open = false;
        e.closedDeadlineKeys().forEach(deadlines::remove);
    }

    @EventSourcingHandler
    void on(ApplicationDecided e) {
        open = false;
        e.closedDeadlineKeys().forEach(deadlines::remove);
    }

    @EventSourcingHandler
    void on(CaseRemitted e) {
        open = true;
    }
}
