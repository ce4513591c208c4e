package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordAppealDecision;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordSuspension;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.EffectSuspendedPendingAppeal;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantTerminated;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDeadlineSet;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionTookEffect;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeReduced;
import dk.grantlifecycle.domain.grant.GrantEvent.SuspensionGrantedByAnkestyrelsen;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.GrantCases.complaint;
import static dk.grantlifecycle.domain.support.GrantCases.reduce;
import static dk.grantlifecycle.domain.support.GrantCases.terminate;
import static dk.grantlifecycle.domain.support.GrantCases.upheld;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NOTICE-3A-14W: a reduction or ending takes effect after notice, unless an appeal holds it back
 * (BPA-SUSPENSIVE, COMPLAINT-NO-SUSPENSION). Where a test is about the state of a complaint when
 * the effective date comes, it gives the history as events and reaches the date through the
 * grant's deadline handler, as the scheduler calls it; that the decision schedules its effect at
 * the start of that date is shown by {@link #bpaReductionAfterFourteenWeeks} and
 * {@link GrantDeadlineKindsTest}.
 */
class NoticeTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final LocalDate WINDOW_ENDS = LocalDate.of(2025, 9, 29);
    /** The reduction or ending, decided and received 1 October 2025. */
    private static final LocalDate CHANGED = LocalDate.of(2025, 10, 1);
    /** 14 weeks after receipt on 1 October 2025 (NOTICE-3A-14W). */
    private static final LocalDate AFTER_NOTICE = LocalDate.of(2026, 1, 7);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** The grant's deadline handler, called as the scheduler calls it when the deadline is reached. */
    private static Consumer<Grant> reached(DeadlineId deadline, LocalDate dueOn) {
        return grant -> grant.deadlineReached(new DeadlinePayload(deadline.value(), dueOn), TestRules.FIXTURE,
                new StubDeadlineManager());
    }

    private static List<Object> grantOf(Paragraph p, MunicipalityId m) {
        return List.of(granted(p, DECIDED, Terms.sel85().build(), ActionPlanDuty.NOT_REQUIRED, m),
                windowOpened(DECISION, DECIDED, WINDOW_ENDS));
    }

    /** A § 85 reduction decided 1 October 2025 to take effect on 1 November; § 85 has no notice rule. */
    private static List<Object> section85Reduction() {
        LocalDate effective = LocalDate.of(2025, 11, 1);
        List<Object> history = new ArrayList<>(grantOf(Paragraph.SEL85, LEJRE));
        history.addAll(List.of(reduced(Paragraph.SEL85, REDUCTION, CHANGED, effective, Terms.sel85().goals("fewer hours").build(), null),
                windowOpened(REDUCTION, CHANGED, LocalDate.of(2025, 10, 29)),
                noticeGiven(REDUCTION, CHANGED, RuleId.COMPLAINT_NO_SUSPENSION, effective)));
        return history;
    }

    /** ... complained about on 10 October, upheld on 20 October and sent to Ankestyrelsen. */
    private static List<Object> section85ReductionAtAnkestyrelsen() {
        List<Object> history = new ArrayList<>(section85Reduction());
        history.addAll(List.of(complaintReceived(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 29)),
                windowClosedByComplaint(REDUCTION, LocalDate.of(2025, 10, 10)),
                reconsiderationSet(COMPLAINT, RuleId.COMPLAINT_RECONSIDER, LocalDate.of(2025, 11, 7)),
                reconsidered(COMPLAINT, LocalDate.of(2025, 10, 20), ReconsiderationOutcome.UPHELD, "the decision stands"),
                escalated(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 20), RuleId.APPEAL_OUTCOME, LocalDate.of(2025, 12, 15))));
        return history;
    }

    /**
     * Ending BPA in {@code m}, decided 1 October 2025 with notice until 7 January 2026, complained
     * about on 8 October, upheld on 20 October and sent to Ankestyrelsen.
     */
    private static List<Object> bpaEndingAtAnkestyrelsen(MunicipalityId m, boolean waitsForAppeal) {
        List<Object> history = new ArrayList<>(grantOf(Paragraph.SEL96, m));
        history.addAll(List.of(
                terminated(Paragraph.SEL96, REDUCTION, CHANGED, AFTER_NOTICE, EndReason.NO_EXPECTED_EFFECT, RuleId.NOTICE_3A_14W,
                        waitsForAppeal),
                windowOpened(REDUCTION, CHANGED, LocalDate.of(2025, 10, 29)),
                noticeGiven(REDUCTION, CHANGED, RuleId.NOTICE_3A_14W, AFTER_NOTICE),
                complaintReceived(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 8), LocalDate.of(2025, 10, 29)),
                windowClosedByComplaint(REDUCTION, LocalDate.of(2025, 10, 8)),
                reconsiderationSet(COMPLAINT, RuleId.BPA_COMPLAINT_2W, LocalDate.of(2025, 10, 22)),
                reconsidered(COMPLAINT, LocalDate.of(2025, 10, 20), ReconsiderationOutcome.UPHELD, "the decision stands"),
                escalated(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 20), RuleId.NOTICE_3A_COMPLAINT, LocalDate.of(2025, 12, 15))));
        return history;
    }

    @Test
    @DisplayName("NOTICE-3A-14W: a BPA reduction takes effect 14 weeks after receipt, past Easter; the current scope runs until then")
    void bpaReductionAfterFourteenWeeks() {
        LocalDate decided = LocalDate.of(2025, 12, 29);
        LocalDate effective = LocalDate.of(2026, 4, 7);
        // The reduction is a command: the effect's schedule it makes is what fires. First, as the
        // clock can only be set before anything is scheduled.
        fixture.givenCurrentTime(Copenhagen.startOf(decided))
                .andGiven(grantOf(Paragraph.SEL96, LEJRE))
                .andGivenCommands(reduce(decided, null))
                .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()
                        .satisfies(t -> assertThat(t.effectiveOn()).isEqualTo(effective))));

        fixture.given(grantOf(Paragraph.SEL96, LEJRE))
                .when(reduce(decided, null))
                .expectEventsMatching(payloads(events -> {
                    ScopeReduced reduced = ofType(events, ScopeReduced.class).get(0);
                    assertThat(reduced.noticeRule()).isEqualTo(RuleId.NOTICE_3A_14W);
                    assertThat(reduced.effectiveOn()).isEqualTo(effective);
                    assertThat(ofType(events, ReductionTookEffect.class)).isEmpty();
                    assertThat(ofType(events, ReductionNoticeGiven.class)).singleElement().satisfies(n -> {
                        assertThat(n.deadline().dueOn()).isEqualTo(effective);
                        assertThat(n.deadline().rule()).isEqualTo(RuleId.NOTICE_3A_14W);
                    });
                }))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(effective), Deadline.scheduleName(effect(REDUCTION)));
    }

    @Test
    @DisplayName("NOTICE-3A-14W: ending § 98 contact-person support waits 14 weeks although Lejre's document says 14 days")
    void section98EndingWaitsFourteenWeeks() {
        LocalDate decided = LocalDate.of(2025, 10, 6);
        fixture.given(granted(Paragraph.SEL98, decided, Terms.sel85().build()), windowOpened(DECISION, decided, LocalDate.of(2025, 11, 3)))
                .when(terminate(LocalDate.of(2025, 11, 3)))
                .expectEventsMatching(payloads(events -> {
                    GrantTerminated t = ofType(events, GrantTerminated.class).get(0);
                    assertThat(t.noticeRule()).isEqualTo(RuleId.NOTICE_3A_14W);
                    assertThat(t.effectiveOn()).isEqualTo(LocalDate.of(2026, 2, 9));
                    assertThat(ofType(events, GrantEnded.class)).isEmpty();
                }));
    }

    @Test
    @DisplayName("NOTICE-3A-14W: a later effective date the decision names is kept; an earlier one is moved to the notice's end")
    void laterDateKept() {
        fixture.given(grantOf(Paragraph.SEL96, LEJRE))
                .when(reduce(CHANGED, LocalDate.of(2026, 3, 1)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                        .isEqualTo(LocalDate.of(2026, 3, 1))));
        fixture.given(grantOf(Paragraph.SEL96, LEJRE))
                .when(reduce(CHANGED, LocalDate.of(2025, 11, 1)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                        .isEqualTo(LocalDate.of(2026, 1, 7))));
    }

    @Test
    @DisplayName("COMPLAINT-NO-SUSPENSION: a complaint does not stop a § 85 reduction from taking effect")
    void complaintDoesNotSuspend() {
        LocalDate effective = LocalDate.of(2025, 11, 1);
        fixture.given(section85ReductionAtAnkestyrelsen())
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), effective))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ReductionTookEffect.class)).hasSize(1);
                    assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).isEmpty();
                }));
    }

    @Test
    @DisplayName("RECEIPT: a § 85 reduction by Digital Post takes effect with reasonable notice after receipt, not on the decision date")
    void reductionWaitsForReceiptAndReasonableNotice() {
        fixture.given(grantOf(Paragraph.SEL85, LEJRE))
                .when(reduce(CHANGED, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ReductionTookEffect.class)).as("not on the decision date").isEmpty();
                    assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                            .as("received Wednesday 1 October 2025, 14 days' notice: Wednesday 15 October").isEqualTo(LocalDate.of(2025, 10, 15));
                }));
    }

    @Test
    @DisplayName("RECEIPT: a § 85 ending sent on paper before Christmas takes effect 14 days after it is received, not before")
    void endingWaitsForPaperReceipt() {
        LocalDate decided = LocalDate.of(2025, 12, 15);
        fixture.given(grantOf(Paragraph.SEL85, LEJRE))
                .when(new GrantCommands.TerminateGrant(GRANT, REDUCTION, decided, EndReason.GOALS_MET, null, null, content(),
                        new dk.grantlifecycle.domain.decision.Delivery(dk.grantlifecycle.domain.decision.DeliveryChannel.PAPER, decided, null),
                        false, null, false, null))
                .expectEventsMatching(payloads(events -> {
                    GrantTerminated t = ofType(events, GrantTerminated.class).get(0);
                    assertThat(t.receivedByCitizenOn()).as("paper: 5 hverdage after Monday 15 December, Monday 22 December")
                            .isEqualTo(LocalDate.of(2025, 12, 22));
                    assertThat(t.effectiveOn()).as("14 days after receipt: Monday 5 January 2026").isEqualTo(LocalDate.of(2026, 1, 5));
                    assertThat(ofType(events, GrantEnded.class)).isEmpty();
                }));
        fixture.given(grantOf(Paragraph.SEL85, LEJRE))
                .when(new GrantCommands.TerminateGrant(GRANT, REDUCTION, decided, EndReason.GOALS_MET, LocalDate.of(2026, 1, 4), null,
                        content(), new dk.grantlifecycle.domain.decision.Delivery(dk.grantlifecycle.domain.decision.DeliveryChannel.PAPER,
                        decided, null), false, null, false, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantTerminated.class).get(0).effectiveOn())
                        .as("a date the day before the notice's end is moved to it").isEqualTo(LocalDate.of(2026, 1, 5))));
        fixture.given(grantOf(Paragraph.SEL85, LEJRE))
                .when(new GrantCommands.TerminateGrant(GRANT, REDUCTION, decided, EndReason.GOALS_MET, LocalDate.of(2026, 1, 6), null,
                        content(), new dk.grantlifecycle.domain.decision.Delivery(dk.grantlifecycle.domain.decision.DeliveryChannel.PAPER,
                        decided, null), false, null, false, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantTerminated.class).get(0).effectiveOn())
                        .as("a date the day after is kept").isEqualTo(LocalDate.of(2026, 1, 6))));
    }

    @Test
    @DisplayName("COMPLAINT-NO-SUSPENSION: a suspension granted by Ankestyrelsen holds the reduction back until the appeal is decided")
    void suspensionHoldsTheEffect() {
        LocalDate effective = LocalDate.of(2025, 11, 1);
        fixture.given(section85ReductionAtAnkestyrelsen())
                .when(new RecordSuspension(GRANT, COMPLAINT, LocalDate.of(2025, 10, 24), "ANK-25-9"))
                .expectEvents(new SuspensionGrantedByAnkestyrelsen(GRANT, CASE, COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 24),
                        "ANK-25-9"));
        fixture.given(section85ReductionAtAnkestyrelsen())
                .andGiven(suspensionGranted(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 24), "ANK-25-9"))
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), effective))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                        .satisfies(s -> assertThat(s.ruleId()).isEqualTo(RuleId.COMPLAINT_NO_SUSPENSION))));
    }

    /** Lejre's BPA ending (BPA-SUSPENSIVE), decided and received 1 October 2025, notice until 7 January 2026. */
    private static List<Object> bpaEnding() {
        List<Object> history = new ArrayList<>(grantOf(Paragraph.SEL96, LEJRE));
        history.addAll(List.of(
                terminated(Paragraph.SEL96, REDUCTION, CHANGED, AFTER_NOTICE, EndReason.NO_EXPECTED_EFFECT, RuleId.NOTICE_3A_14W, true),
                windowOpened(REDUCTION, CHANGED, LocalDate.of(2025, 10, 29)),
                noticeGiven(REDUCTION, CHANGED, RuleId.NOTICE_3A_14W, AFTER_NOTICE)));
        return history;
    }

    @Test
    @DisplayName("BPA-SUSPENSIVE: a BPA ending complained about in time is held while the complaint awaits reconsideration, even overdue")
    void bpaEndingHeldFromTheComplaintsReceipt() {
        List<Object> awaiting = new ArrayList<>(bpaEnding());
        awaiting.addAll(List.of(complaintReceived(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 29), LocalDate.of(2025, 10, 29)),
                windowClosedByComplaint(REDUCTION, LocalDate.of(2025, 10, 29)),
                reconsiderationSet(COMPLAINT, RuleId.BPA_COMPLAINT_2W, LocalDate.of(2025, 11, 12))));
        fixture.given(awaiting)
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), AFTER_NOTICE))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, GrantEnded.class)).as("a complaint on the window's last day is in time").isEmpty();
                    assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                            .satisfies(s -> assertThat(s.ruleId()).isEqualTo(RuleId.BPA_SUSPENSIVE));
                }));
        awaiting.add(new GrantEvent.ReconsiderationDue(GRANT, CASE, COMPLAINT, reconsideration(COMPLAINT), LocalDate.of(2025, 11, 12)));
        fixture.given(awaiting)
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), AFTER_NOTICE))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, EffectSuspendedPendingAppeal.class))
                        .as("an overdue reconsideration still holds the ending").hasSize(1)));
    }

    @Test
    @DisplayName("BPA-SUSPENSIVE: a complaint received the day after the window closed is late and does not hold the ending")
    void lateComplaintDoesNotHoldTheEnding() {
        List<Object> late = new ArrayList<>(bpaEnding());
        late.addAll(List.of(complaintReceived(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 30), LocalDate.of(2025, 10, 29)),
                windowClosedByComplaint(REDUCTION, LocalDate.of(2025, 10, 30)),
                reconsiderationSet(COMPLAINT, RuleId.BPA_COMPLAINT_2W, LocalDate.of(2025, 11, 13))));
        fixture.given(late)
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), AFTER_NOTICE))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement()
                        .satisfies(e -> assertThat(e.endedOn()).isEqualTo(AFTER_NOTICE))));
    }

    @Test
    @DisplayName("NOTICE-3A-COMPLAINT: a complaint about a notice decision: 2 weeks to reconsider, 8 weeks for Ankestyrelsen")
    void noticeComplaintSchedule() {
        List<Object> reduction = new ArrayList<>(grantOf(Paragraph.SEL96, LEJRE));
        reduction.addAll(List.of(
                reduced(Paragraph.SEL96, REDUCTION, CHANGED, AFTER_NOTICE, Terms.sel85().goals("fewer hours").build(), RuleId.NOTICE_3A_14W),
                windowOpened(REDUCTION, CHANGED, LocalDate.of(2025, 10, 29)),
                noticeGiven(REDUCTION, CHANGED, RuleId.NOTICE_3A_14W, AFTER_NOTICE)));
        fixture.given(reduction)
                .when(complaint(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 20)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                        .singleElement().satisfies(r -> {
                            assertThat(r.deadline().rule()).isEqualTo(RuleId.NOTICE_3A_COMPLAINT);
                            assertThat(r.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 11, 3));
                        })));
        fixture.given(reduction)
                .andGiven(complaintReceived(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 29)),
                        windowClosedByComplaint(REDUCTION, LocalDate.of(2025, 10, 20)),
                        reconsiderationSet(COMPLAINT, RuleId.NOTICE_3A_COMPLAINT, LocalDate.of(2025, 11, 3)))
                .when(upheld(COMPLAINT, LocalDate.of(2025, 11, 3)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class))
                        .singleElement().satisfies(e -> {
                            assertThat(e.deadline().rule()).isEqualTo(RuleId.NOTICE_3A_COMPLAINT);
                            assertThat(e.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 12, 29));
                        })));
    }

    @Test
    @DisplayName("BPA-SUSPENSIVE: in Lejre an upheld ending of BPA does not take effect before Ankestyrelsen has decided")
    void bpaEndingWaitsForAnkestyrelsen() {
        fixture.given(bpaEndingAtAnkestyrelsen(LEJRE, true))
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), AFTER_NOTICE))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                            .satisfies(s -> assertThat(s.ruleId()).isEqualTo(RuleId.BPA_SUSPENSIVE));
                    assertThat(ofType(events, GrantEnded.class)).isEmpty();
                }));
        fixture.given(bpaEndingAtAnkestyrelsen(LEJRE, true))
                .when(new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.UPHELD, LocalDate.of(2025, 12, 10),
                        LocalDate.of(2025, 12, 11), "ANK-25-44"))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).isEmpty()));
    }

    @Test
    @DisplayName("BPA-SUSPENSIVE: after the held-back date an upheld appeal ends BPA on the day its decision is received")
    void heldEndingEndsOnAppeal() {
        fixture.given(bpaEndingAtAnkestyrelsen(LEJRE, true))
                .andGiven(effectSuspended(REDUCTION, COMPLAINT, RuleId.BPA_SUSPENSIVE))
                .when(new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.UPHELD, LocalDate.of(2026, 2, 2),
                        LocalDate.of(2026, 2, 3), "ANK-26-1"))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement()
                        .satisfies(e -> assertThat(e.endedOn()).isEqualTo(LocalDate.of(2026, 2, 3)))));
    }

    @Test
    @DisplayName("BPA-SUSPENSIVE: the rule is Lejre's; in Gladsaxe the ending takes effect on its date")
    void suspensiveIsLocal() {
        fixture.given(bpaEndingAtAnkestyrelsen(GLADSAXE, false))
                .whenInvoking(GRANT.value(), reached(effect(REDUCTION), AFTER_NOTICE))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).hasSize(1)));
    }

    @Test
    @DisplayName("APPEAL-OUTCOME: an ending Ankestyrelsen annuls is revoked and the grant continues")
    void annulledEndingIsRevoked() {
        // Commands from the ending on: the test shows that the effect's schedule, made by the ending, is cancelled.
        fixture.given(grantOf(Paragraph.SEL96, LEJRE))
                .andGivenCommands(terminate(CHANGED), complaint(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 8)),
                        upheld(COMPLAINT, LocalDate.of(2025, 10, 20)))
                .when(new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.ANNULLED, LocalDate.of(2025, 12, 1),
                        LocalDate.of(2025, 12, 2), "ANK-25-77"))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, DecisionRevoked.class)).hasSize(1)))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(AFTER_NOTICE), Deadline.scheduleName(effect(REDUCTION)));
    }
}
