package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.grant.GrantCommands.ReconsiderComplaint;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordAppealDecision;
import dk.grantlifecycle.domain.grant.GrantCommands.StartService;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecided;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecisionOverdue;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintReconsidered;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionChangedInFavour;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDeadlineSet;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDue;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantCases.complaint;
import static dk.grantlifecycle.domain.support.GrantCases.upheld;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMPLAINT-RECONSIDER and APPEAL-OUTCOME: the municipality reconsiders a complaint within its
 * deadline, changes the decision in the citizen's favour or sends it on to Ankestyrelsen, whose
 * outcome is recorded. A test that watches a deadline fire gives the command that schedules it.
 */
class ReconsiderationTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final LocalDate COMPLAINED = LocalDate.of(2025, 9, 15);
    private static final LocalDate RECONSIDERED = LocalDate.of(2025, 10, 6);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** A § 85 rejection of 1 September 2025 and the citizen's complaint of 15 September, awaiting reconsideration. */
    private static List<Object> rejectionComplainedAbout() {
        return List.of(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)),
                complaintReceived(COMPLAINT, DECISION, COMPLAINED, LocalDate.of(2025, 9, 29)),
                windowClosedByComplaint(DECISION, COMPLAINED),
                reconsiderationSet(COMPLAINT, RuleId.COMPLAINT_RECONSIDER, LocalDate.of(2025, 10, 13)));
    }

    /** ... upheld on 6 October and sent to Ankestyrelsen, whose decision is expected 8 weeks later. */
    private static List<Object> rejectionAtAnkestyrelsen() {
        return List.of(reconsidered(COMPLAINT, RECONSIDERED, ReconsiderationOutcome.UPHELD, "the decision stands"),
                escalated(COMPLAINT, DECISION, RECONSIDERED, RuleId.APPEAL_OUTCOME, LocalDate.of(2025, 12, 1)));
    }

    @Test
    @DisplayName("COMPLAINT-RECONSIDER: an upheld decision goes to Ankestyrelsen with the case material and its own deadline")
    void upheldIsEscalated() {
        fixture.given(rejectionComplainedAbout())
                .when(upheld(COMPLAINT, RECONSIDERED))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintReconsidered.class)).hasSize(1);
                    ComplaintEscalatedToAnkestyrelsen sent = ofType(events, ComplaintEscalatedToAnkestyrelsen.class).get(0);
                    assertThat(sent.caseMaterial()).containsExactly("decision letter", "VUM assessment", "complaint");
                    assertThat(sent.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 12, 1));
                    assertThat(sent.deadline().rule()).isEqualTo(RuleId.APPEAL_OUTCOME);
                }));
    }

    @Test
    @DisplayName("COMPLAINT-RECONSIDER: an upheld complaint is not sent on without the list of case material")
    void escalationNeedsMaterial() {
        fixture.given(rejectionComplainedAbout())
                .when(new ReconsiderComplaint(GRANT, COMPLAINT, RECONSIDERED, ReconsiderationOutcome.UPHELD, "stands", null, null,
                        List.of(), null, null))
                .expectException(violationOf("COMPLAINT-RECONSIDER", "caseMaterial"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("COMPLAINT-RECONSIDER: changed in the citizen's favour, the complaint ends and a new decision grants the service")
    void changedInFavour() {
        LocalDate changedOn = LocalDate.of(2025, 10, 1);
        ReconsiderComplaint inFavour = new ReconsiderComplaint(GRANT, COMPLAINT, changedOn,
                ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information", CHANGE, Terms.sel85().build(), null, null, null);
        fixture.given(rejectionComplainedAbout())
                .when(inFavour)
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class)).isEmpty();
                    DecisionChangedInFavour changed = ofType(events, DecisionChangedInFavour.class).get(0);
                    assertThat(changed.nowGranted()).isTrue();
                    assertThat(changed.newDecisionId()).isEqualTo(CHANGE);
                    assertThat(changed.cadences()).extracting(Cadence::rule).containsExactly(RuleId.SEL85_FOLLOWUP_6M);
                    assertThat(ofType(events, ComplaintWindowOpened.class)).singleElement()
                            .satisfies(w -> assertThat(w.decisionId()).isEqualTo(CHANGE));
                }));
        fixture.given(rejectionComplainedAbout())
                .andGiven(reconsidered(COMPLAINT, changedOn, ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information"),
                        new DecisionChangedInFavour(GRANT, CASE, Paragraph.SEL85, COMPLAINT, DECISION, CHANGE, changedOn,
                                Terms.sel85().build(), new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1)),
                                List.of(new Cadence(RuleId.SEL85_FOLLOWUP_6M, FollowUpKind.FOLLOW_UP, Cadence.Anchor.GRANT,
                                        Period.ofMonths(6), null, Period.ofMonths(6), null)), true, null, changedOn),
                        windowOpened(CHANGE, changedOn, LocalDate.of(2025, 10, 29)))
                .when(new StartService(GRANT, LocalDate.of(2025, 10, 6), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("COMPLAINT-RECONSIDER: the reconsideration deadline fires when 4 weeks have passed without a reconsideration")
    void reconsiderationDue() {
        // The complaint is received by a command: the reconsideration deadline it schedules is what fires.
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGiven(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)))
                .andGivenCommands(complaint(COMPLAINT, DECISION, COMPLAINED))
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 13)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDue.class)).singleElement()
                        .satisfies(d -> assertThat(d.dueOn()).isEqualTo(LocalDate.of(2025, 10, 13)))));
    }

    @Test
    @DisplayName("APPEAL-OUTCOME: Ankestyrelsen's outcome is recorded; a decision not received by the expected date is flagged")
    void appealOutcome() {
        // The reconsideration is a command: the escalation deadline it schedules is what fires.
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGiven(rejectionComplainedAbout())
                .andGivenCommands(upheld(COMPLAINT, RECONSIDERED))
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 12, 1)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, AppealDecisionOverdue.class)).hasSize(1)));
        fixture.given(rejectionComplainedAbout())
                .andGiven(rejectionAtAnkestyrelsen())
                .when(new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.REMITTED, LocalDate.of(2025, 11, 20),
                        LocalDate.of(2025, 11, 21), "ANK-25-123"))
                .expectEvents(new AppealDecided(GRANT, CASE, APPLICATION, COMPLAINT, DECISION, AppealOutcome.REMITTED,
                        LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "ANK-25-123", escalation(COMPLAINT)));
    }

    @Test
    @DisplayName("APPEAL-OUTCOME: an outcome is recorded only for a complaint that is at Ankestyrelsen")
    void appealOutcomeNeedsAnEscalation() {
        fixture.given(rejectionComplainedAbout())
                .when(new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.UPHELD, null, LocalDate.of(2025, 11, 21), null))
                .expectException(InvalidState.class);
    }

    @Test
    @DisplayName("BPA-COMPLAINT-2W: a complaint about ending BPA is reconsidered within 2 weeks")
    void bpaEndingTwoWeeks() {
        LocalDate ended = LocalDate.of(2025, 10, 1);
        LocalDate effective = LocalDate.of(2026, 1, 7);
        fixture.given(granted(Paragraph.SEL96, DECIDED, Terms.sel85().build()), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)),
                        terminated(Paragraph.SEL96, REDUCTION, ended, effective, EndReason.NO_EXPECTED_EFFECT, RuleId.NOTICE_3A_14W, true),
                        windowOpened(REDUCTION, ended, LocalDate.of(2025, 10, 29)),
                        noticeGiven(REDUCTION, ended, RuleId.NOTICE_3A_14W, effective))
                .when(complaint(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 8)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                        .singleElement().satisfies(r -> {
                            assertThat(r.deadline().rule()).isEqualTo(RuleId.BPA_COMPLAINT_2W);
                            assertThat(r.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 10, 22));
                        })));
    }
}
