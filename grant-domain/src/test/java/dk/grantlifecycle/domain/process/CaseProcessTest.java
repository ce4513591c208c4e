package dk.grantlifecycle.domain.process;

import dk.grantlifecycle.domain.application.ApplicationCommands.AttachAssessment;
import dk.grantlifecycle.domain.application.ApplicationCommands.NoteTreatmentStarted;
import dk.grantlifecycle.domain.application.ApplicationCommands.ReopenAfterRemittal;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentCompleted;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.decision.ServiceDecision.Grounds;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.Plan;
import dk.grantlifecycle.domain.decision.ServiceDecision.Service;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.followup.FollowUpCommands.AnchorServiceStart;
import dk.grantlifecycle.domain.followup.FollowUpCommands.EndFollowUpPlan;
import dk.grantlifecycle.domain.followup.FollowUpCommands.StartFollowUpPlan;
import dk.grantlifecycle.domain.grant.GrantCommands.OpenGrant;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecided;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.grantlifecycle.domain.support.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The case process: given an event, the commands it sends on, and none for events it does not act on. */
class CaseProcessTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final RuleSetVersion VERSION = new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1));
    private static final Cadence HALF_YEARLY = new Cadence(RuleId.SEL85_FOLLOWUP_6M, FollowUpKind.FOLLOW_UP, Cadence.Anchor.GRANT,
            Period.ofMonths(6), null, Period.ofMonths(6), null);

    private RecordingCommandBus commandBus;
    private AnnotationEventHandlerAdapter process;

    @BeforeEach
    void setUp() {
        commandBus = new RecordingCommandBus();
        process = new AnnotationEventHandlerAdapter(new CaseProcess(DefaultCommandGateway.builder().commandBus(commandBus).build()));
    }

    private List<Object> whenHandled(Object event) throws Exception {
        process.handle(GenericEventMessage.asEventMessage(event));
        return commandBus.getDispatchedCommands().stream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private static ServiceDecision granted(GrantId grant) {
        return new ServiceDecision(grant, Paragraph.SEL85, Service.named("MADLAVNING", "cooking"), Outcome.GRANTED,
                dk.grantlifecycle.domain.support.Terms.sel85().build(), new Grounds(List.of(RuleId.SEL85_TARGET), null, List.of(), List.of()),
                new Plan(ActionPlanDuty.CONSIDER, true, List.of(HALF_YEARLY), 2), null);
    }

    private static ServiceDecision rejected(GrantId grant) {
        return new ServiceDecision(grant, Paragraph.SEL85, Service.named("RENGORING", "cleaning"), Outcome.REJECTED, null,
                new Grounds(List.of(RuleId.SEL85_TARGET), "mild needs", List.of("værested"), List.of()), Plan.NONE, null);
    }

    @Test
    void aCompletedAssessmentIsAttachedToItsApplication() throws Exception {
        Map<String, VumLevel> scores = Map.of("PRACTICAL_TASKS", VumLevel.MODERATE);
        assertThat(whenHandled(new AssessmentCompleted(ASSESSMENT, APPLICATION, DECIDED, scores, Map.of("PRACTICAL_TASKS", "Praktiske opgaver"),
                List.of(), true, null)))
                .containsExactly(new AttachAssessment(APPLICATION, ASSESSMENT, scores, DECIDED));
    }

    @Test
    @DisplayName("SEL85-PARTIAL: each outcome of a decision opens its own grant line, granted or rejected")
    void eachOutcomeOpensItsGrantLine() throws Exception {
        ServiceDecision first = granted(GRANT);
        ServiceDecision second = rejected(GRANT_2);
        ApplicationDecided decided = new ApplicationDecided(APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, Paragraph.SEL85, VERSION,
                ASSESSMENT, List.of(first, second), Set.of(), content(), DeliveryChannel.DIGITAL_POST, DECIDED, List.of(), null, null);
        assertThat(whenHandled(decided)).containsExactly(
                new OpenGrant(GRANT, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, first, content(), DECIDED),
                new OpenGrant(GRANT_2, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, second, content(), DECIDED));
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: a granted service gets its follow-up plan with the decided cadences")
    void aGrantedServiceGetsItsPlan() throws Exception {
        ServiceDecision d = granted(GRANT);
        assertThat(whenHandled(new ServiceGranted(GRANT, CASE, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, d, content(),
                DECIDED))).containsExactly(new StartFollowUpPlan(FollowUpId.forGrant(GRANT), GRANT, CASE, Paragraph.SEL85, DECIDED,
                List.of(HALF_YEARLY), null, 2));
    }

    @Test
    @DisplayName("SEL101-GUARANTEE: the start of a § 101 treatment anchors its plan and meets the treatment guarantee")
    void aTreatmentStartMeetsTheGuarantee() throws Exception {
        LocalDate start = LocalDate.of(2025, 9, 10);
        assertThat(whenHandled(new ServiceStarted(GRANT, CASE, Paragraph.SEL101, start))).containsExactly(
                new AnchorServiceStart(FollowUpId.forGrant(GRANT), start), new NoteTreatmentStarted(APPLICATION, start));
        commandBus.clearCommands();
        // Which paragraphs have a guarantee is the rule files' word (treatmentGuarantee), not the
        // process's: every start of an application's service is noted, and the application closes a
        // guarantee only where it opened one. An outreach case (its case is its grant line) has none.
        assertThat(whenHandled(new ServiceStarted(GRANT, CASE, Paragraph.SEL85, start))).containsExactly(
                new AnchorServiceStart(FollowUpId.forGrant(GRANT), start), new NoteTreatmentStarted(APPLICATION, start));
        commandBus.clearCommands();
        GrantId outreach = GrantId.of("outreach-1");
        assertThat(whenHandled(new ServiceStarted(outreach, CaseId.ofOutreach(outreach), Paragraph.SEL99, start)))
                .containsExactly(new AnchorServiceStart(FollowUpId.forGrant(outreach), start));
    }

    @Test
    @DisplayName("SEL101-STATUS: an ending ends the plan, keeping the citizen's choice about after-care")
    void anEndingEndsThePlan() throws Exception {
        LocalDate ended = LocalDate.of(2026, 3, 1);
        assertThat(whenHandled(new GrantEnded(GRANT, CASE, Paragraph.SEL101, DECISION, ended, EndReason.GOALS_MET, true, null)))
                .containsExactly(new EndFollowUpPlan(FollowUpId.forGrant(GRANT), ended, "grant ended: GOALS_MET", true));
    }

    @Test
    @DisplayName("CASE-REMITTED: a remittal reopens the application named by the appeal; an outreach case has none to reopen")
    void aRemittalReopensTheApplication() throws Exception {
        ComplaintId complaint = ComplaintId.of("complaint-0001");
        LocalDate received = LocalDate.of(2026, 2, 2);
        DeadlineId escalation = DeadlineId.of(GRANT, "escalation", complaint);
        assertThat(whenHandled(new AppealDecided(GRANT, CASE, APPLICATION, complaint, DECISION, AppealOutcome.REMITTED, received,
                received, "ank-2026-1", escalation)))
                .containsExactly(new ReopenAfterRemittal(APPLICATION, received, "ank-2026-1", GRANT, complaint));
        commandBus.clearCommands();
        assertThat(whenHandled(new AppealDecided(GRANT, CaseId.ofOutreach(GRANT), null, complaint, DECISION, AppealOutcome.REMITTED,
                received, received, "ank-2026-2", escalation))).isEmpty();
        assertThat(whenHandled(new AppealDecided(GRANT, CASE, APPLICATION, complaint, DECISION, AppealOutcome.UPHELD, received,
                received, "ank-2026-3", escalation))).isEmpty();
    }
}
