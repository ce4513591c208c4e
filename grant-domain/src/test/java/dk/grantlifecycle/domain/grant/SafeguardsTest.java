package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.rules.DeliveryChannel;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grant aggregate's legal safeguards (the fixture tests of the Grant aggregate, split from
 * {@link GrantTest} by subject): complaint windows, complaints and reconsideration, escalation and
 * Ankestyrelsen's outcomes, notice before reduction, decision content, hearings, receipt and
 * shelter notices.
 */
class SafeguardsTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final DecisionId REDUCTION = DecisionId.of("decision-0002");
    private static final DecisionId CHANGE = DecisionId.of("decision-0003");

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.SHIPPED);
        fixture.registerInjectableResource(CALENDAR);
    }

    private static OpenGrant open(Paragraph p, Outcome outcome, MunicipalityId m, LocalDate decidedOn) {
        var hours = TestRules.SHIPPED.inForce(m, p, decidedOn).rules().hours();
        ServiceDecision d = new ServiceDecision(GRANT, p, "SERVICE", "service", outcome,
                outcome == Outcome.GRANTED ? Terms.sel85().build() : null, List.of(), outcome == Outcome.REJECTED ? "no" : null,
                List.of(), List.of(), true, ActionPlanDuty.NOT_REQUIRED, null, List.of(), null, hours);
        return new OpenGrant(GRANT, APPLICATION, DECISION, decidedOn, CITIZEN, m,
                new RuleSetVersion(m.value(), null, LocalDate.of(2018, 7, 1)), d, content(), decidedOn);
    }

    private static OpenGrant granted(Paragraph p) {
        return open(p, Outcome.GRANTED, LEJRE, DECIDED);
    }

    private static ReceiveComplaint complaint(String id, DecisionId decision, LocalDate on) {
        return new ReceiveComplaint(GRANT, id, decision, on, ComplaintForm.WRITTEN, ComplaintSubject.DECISION, "I disagree");
    }

    private static ReconsiderComplaint upheld(String id, LocalDate on) {
        return new ReconsiderComplaint(GRANT, id, on, ReconsiderationOutcome.UPHELD, "the decision stands", null, null,
                List.of("decision letter", "VUM assessment", "complaint"));
    }

    private static ReduceScope reduce(LocalDate on, LocalDate effectiveOn) {
        return new ReduceScope(GRANT, REDUCTION, on, Terms.sel85().goals("fewer hours").build(), effectiveOn, content(),
                Delivery.digitalPost(on), false, null);
    }

    private static TerminateGrant terminate(LocalDate on) {
        return new TerminateGrant(GRANT, REDUCTION, on, EndReason.NO_EXPECTED_EFFECT, null, null, content(),
                Delivery.digitalPost(on), false, false, null);
    }

    @Nested
    class ComplaintWindow {

        @Test
        @DisplayName("COMPLAINT-WINDOW: a complaint within 4 weeks of receipt is on time; it closes the window and starts reconsideration")
        void complaintOnTime() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 29)))
                    .expectEventsMatching(payloads(events -> {
                        ComplaintReceived received = ofType(events, ComplaintReceived.class).get(0);
                        assertThat(received.late()).isFalse();
                        assertThat(received.windowEndsOn()).isEqualTo(LocalDate.of(2025, 9, 29));
                        assertThat(ofType(events, ComplaintWindowClosed.class)).hasSize(1);
                        ReconsiderationDeadlineSet reconsider = ofType(events, ReconsiderationDeadlineSet.class).get(0);
                        assertThat(reconsider.ruleId()).isEqualTo("COMPLAINT-RECONSIDER");
                        assertThat(reconsider.dueOn()).isEqualTo(LocalDate.of(2025, 10, 27));
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-WINDOW: a late complaint is recorded as late, never dropped, and still reconsidered")
        void lateComplaintIsKept() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 30)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class).get(0).late()).isTrue();
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-WINDOW: without a complaint the window closes when its last day has passed")
        void windowPasses() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.GRANTED, LEJRE, DECIDED))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 9, 30)))
                    .expectEvents(new ComplaintWindowClosed(GRANT, DECISION, GRANT + "/complaint-window/" + DECISION,
                            "the complaint window passed without a complaint"));
        }

        @Test
        @DisplayName("COMPLAINT-ANY-FORM: an oral complaint without a written text counts like a written one")
        void oralComplaint() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(new ReceiveComplaint(GRANT, "complaint-1", DECISION, LocalDate.of(2025, 9, 10), ComplaintForm.ORAL,
                            ComplaintSubject.DECISION, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class).get(0).form()).isEqualTo(ComplaintForm.ORAL);
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-NOT-APPEALABLE: a complaint about the § 85 provider choice is recorded and refused with its reason")
        void providerChoiceIsNotAppealable() {
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(new ReceiveComplaint(GRANT, "complaint-1", DECISION, LocalDate.of(2025, 9, 10), ComplaintForm.EMAIL,
                            ComplaintSubject.PROVIDER_CHOICE, "I want another provider"))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class)).hasSize(1);
                        assertThat(ofType(events, ComplaintNotAppealable.class)).singleElement()
                                .satisfies(n -> assertThat(n.ruleId()).isEqualTo("COMPLAINT-NOT-APPEALABLE"));
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).isEmpty();
                    }));
        }
    }

    @Nested
    class Reconsideration {

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: an upheld decision goes to Ankestyrelsen with the case material and its own deadline")
        void upheldIsEscalated() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReconsidered.class)).hasSize(1);
                        ComplaintEscalatedToAnkestyrelsen sent = ofType(events, ComplaintEscalatedToAnkestyrelsen.class).get(0);
                        assertThat(sent.caseMaterial()).containsExactly("decision letter", "VUM assessment", "complaint");
                        assertThat(sent.expectedBy()).isEqualTo(LocalDate.of(2025, 12, 1));
                        assertThat(sent.ruleId()).isEqualTo("APPEAL-OUTCOME");
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: an upheld complaint is not sent on without the list of case material")
        void escalationNeedsMaterial() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 6), ReconsiderationOutcome.UPHELD,
                            "stands", null, null, List.of()))
                    .expectException(violationOf("COMPLAINT-RECONSIDER", "caseMaterial"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: changed in the citizen's favour, the complaint ends and a new decision grants the service")
        void changedInFavour() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 1),
                            ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information", CHANGE, Terms.sel85().build(), null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class)).isEmpty();
                        DecisionChangedInFavour changed = ofType(events, DecisionChangedInFavour.class).get(0);
                        assertThat(changed.nowGranted()).isTrue();
                        assertThat(changed.newDecisionId()).isEqualTo(CHANGE);
                        assertThat(changed.cadences()).extracting(c -> c.rule()).containsExactly("SEL85-FOLLOWUP-6M");
                        assertThat(ofType(events, ComplaintWindowOpened.class)).singleElement()
                                .satisfies(w -> assertThat(w.decisionId()).isEqualTo(CHANGE));
                    }));
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)),
                            new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 1),
                                    ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information", CHANGE, Terms.sel85().build(), null))
                    .when(new StartService(GRANT, LocalDate.of(2025, 10, 6), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: the reconsideration deadline fires when 4 weeks have passed without a reconsideration")
        void reconsiderationDue() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 13)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDue.class)).singleElement()
                            .satisfies(d -> assertThat(d.dueOn()).isEqualTo(LocalDate.of(2025, 10, 13)))));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: Ankestyrelsen's outcome is recorded; a decision not received by the expected date is flagged")
        void appealOutcome() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)), upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 12, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, AppealDecisionOverdue.class)).hasSize(1)));
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)), upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.REMITTED, LocalDate.of(2025, 11, 20),
                            LocalDate.of(2025, 11, 21), "ANK-25-123"))
                    .expectEvents(new AppealDecided(GRANT, APPLICATION.value(), "complaint-1", DECISION, AppealOutcome.REMITTED,
                            LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "ANK-25-123",
                            GRANT + "/escalation/complaint-1"));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: an outcome is recorded only for a complaint that is at Ankestyrelsen")
        void appealOutcomeNeedsAnEscalation() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, null, LocalDate.of(2025, 11, 21), null))
                    .expectException(dk.grantlifecycle.domain.shared.InvalidState.class);
        }

        @Test
        @DisplayName("BPA-COMPLAINT-2W: a complaint about ending BPA is reconsidered within 2 weeks")
        void bpaEndingTwoWeeks() {
            fixture.givenCommands(granted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)))
                    .when(complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                            .singleElement().satisfies(r -> {
                                assertThat(r.ruleId()).isEqualTo("BPA-COMPLAINT-2W");
                                assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 10, 22));
                            })));
        }
    }

    @Nested
    class Notice {

        @Test
        @DisplayName("NOTICE-3A-14W: a BPA reduction takes effect 14 weeks after receipt, past Easter; the current scope runs until then")
        void bpaReductionAfterFourteenWeeks() {
            LocalDate decided = LocalDate.of(2025, 12, 29);
            LocalDate effective = LocalDate.of(2026, 4, 7);
            fixture.givenCommands(granted(Paragraph.SEL96))
                    .when(reduce(decided, null))
                    .expectEventsMatching(payloads(events -> {
                        ScopeReduced reduced = ofType(events, ScopeReduced.class).get(0);
                        assertThat(reduced.noticeRule()).isEqualTo("NOTICE-3A-14W");
                        assertThat(reduced.effectiveOn()).isEqualTo(effective);
                        assertThat(ofType(events, ReductionTookEffect.class)).isEmpty();
                        assertThat(ofType(events, ReductionNoticeGiven.class)).singleElement().satisfies(n -> {
                            assertThat(n.effectiveOn()).isEqualTo(effective);
                            assertThat(n.ruleId()).isEqualTo("NOTICE-3A-14W");
                        });
                    }))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(effective), DecisionLog.EFFECT_DEADLINE);
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(granted(Paragraph.SEL96), reduce(decided, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()
                            .satisfies(t -> assertThat(t.effectiveOn()).isEqualTo(effective))));
        }

        @Test
        @DisplayName("NOTICE-3A-14W: ending § 98 contact-person support waits 14 weeks although Lejre's document says 14 days")
        void section98EndingWaitsFourteenWeeks() {
            fixture.givenCommands(open(Paragraph.SEL98, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 10, 6)))
                    .when(terminate(LocalDate.of(2025, 11, 3)))
                    .expectEventsMatching(payloads(events -> {
                        GrantTerminated t = ofType(events, GrantTerminated.class).get(0);
                        assertThat(t.noticeRule()).isEqualTo("NOTICE-3A-14W");
                        assertThat(t.effectiveOn()).isEqualTo(LocalDate.of(2026, 2, 9));
                        assertThat(ofType(events, GrantEnded.class)).isEmpty();
                    }));
        }

        @Test
        @DisplayName("NOTICE-3A-14W: a later effective date the decision names is kept; an earlier one is moved to the notice's end")
        void laterDateKept() {
            fixture.givenCommands(granted(Paragraph.SEL96))
                    .when(reduce(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                            .isEqualTo(LocalDate.of(2026, 3, 1))));
            fixture.givenCommands(granted(Paragraph.SEL96))
                    .when(reduce(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                            .isEqualTo(LocalDate.of(2026, 1, 7))));
        }

        @Test
        @DisplayName("COMPLAINT-NO-SUSPENSION: a complaint does not stop a § 85 reduction from taking effect")
        void complaintDoesNotSuspend() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            LocalDate effective = LocalDate.of(2025, 11, 1);
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(granted(Paragraph.SEL85), reduce(decided, effective),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 10)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ReductionTookEffect.class)).hasSize(1);
                        assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).isEmpty();
                    }));
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(reduce(decided, null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()
                            .satisfies(t -> assertThat(t.effectiveOn()).isEqualTo(decided))));
        }

        @Test
        @DisplayName("COMPLAINT-NO-SUSPENSION: a suspension granted by Ankestyrelsen holds the reduction back until the appeal is decided")
        void suspensionHoldsTheEffect() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            LocalDate effective = LocalDate.of(2025, 11, 1);
            List<Object> history = List.of(granted(Paragraph.SEL85), reduce(decided, effective),
                    complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 10)), upheld("complaint-1", LocalDate.of(2025, 10, 20)));
            fixture.givenCommands(history)
                    .when(new RecordSuspension(GRANT, "complaint-1", LocalDate.of(2025, 10, 24), "ANK-25-9"))
                    .expectEvents(new SuspensionGrantedByAnkestyrelsen(GRANT, "complaint-1", REDUCTION, LocalDate.of(2025, 10, 24), "ANK-25-9"));
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(history)
                    .andGivenCommands(new RecordSuspension(GRANT, "complaint-1", LocalDate.of(2025, 10, 24), "ANK-25-9"))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                            .satisfies(s -> assertThat(s.ruleId()).isEqualTo("COMPLAINT-NO-SUSPENSION"))));
        }

        @Test
        @DisplayName("NOTICE-3A-COMPLAINT: a complaint about a notice decision: 2 weeks to reconsider, 8 weeks for Ankestyrelsen")
        void noticeComplaintSchedule() {
            fixture.givenCommands(granted(Paragraph.SEL96), reduce(LocalDate.of(2025, 10, 1), null))
                    .when(complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 20)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                            .singleElement().satisfies(r -> {
                                assertThat(r.ruleId()).isEqualTo("NOTICE-3A-COMPLAINT");
                                assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 11, 3));
                            })));
            fixture.givenCommands(granted(Paragraph.SEL96), reduce(LocalDate.of(2025, 10, 1), null),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 20)))
                    .when(upheld("complaint-1", LocalDate.of(2025, 11, 3)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class))
                            .singleElement().satisfies(e -> {
                                assertThat(e.ruleId()).isEqualTo("NOTICE-3A-COMPLAINT");
                                assertThat(e.expectedBy()).isEqualTo(LocalDate.of(2025, 12, 29));
                            })));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: in Lejre an upheld ending of BPA does not take effect before Ankestyrelsen has decided")
        void bpaEndingWaitsForAnkestyrelsen() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            List<Object> history = List.of(granted(Paragraph.SEL96), terminate(decided),
                    complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)));
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(history)
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2026, 1, 7)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                                .satisfies(s -> assertThat(s.ruleId()).isEqualTo("BPA-SUSPENSIVE"));
                        assertThat(ofType(events, GrantEnded.class)).isEmpty();
                    }));
            setUp();
            fixture.givenCommands(history)
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, LocalDate.of(2025, 12, 10),
                            LocalDate.of(2025, 12, 11), "ANK-25-44"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).isEmpty()));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: after the held-back date an upheld appeal ends BPA on the day its decision is received")
        void heldEndingEndsOnAppeal() {
            GrantEvent.EffectSuspendedPendingAppeal held = new EffectSuspendedPendingAppeal(GRANT, REDUCTION, "complaint-1",
                    "BPA-SUSPENSIVE", GRANT + "/effect/" + REDUCTION);
            fixture.givenCommands(granted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .andGiven(held)
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, LocalDate.of(2026, 2, 2),
                            LocalDate.of(2026, 2, 3), "ANK-26-1"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement()
                            .satisfies(e -> assertThat(e.endedOn()).isEqualTo(LocalDate.of(2026, 2, 3)))));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: the rule is Lejre's; in Gladsaxe the ending takes effect on its date")
        void suspensiveIsLocal() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(open(Paragraph.SEL96, Outcome.GRANTED, GLADSAXE, DECIDED), terminate(decided),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2026, 1, 7)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).hasSize(1)));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: an ending Ankestyrelsen annuls is revoked and the grant continues")
        void annulledEndingIsRevoked() {
            fixture.givenCommands(granted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.ANNULLED, LocalDate.of(2025, 12, 1),
                            LocalDate.of(2025, 12, 2), "ANK-25-77"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, DecisionRevoked.class)).hasSize(1)))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 1, 7)), DecisionLog.EFFECT_DEADLINE);
        }
    }

    @Nested
    class ContentHearingReceipt {

        @Test
        @DisplayName("DECISION-CONTENT: a reduction is not recorded without reasons and complaint guidance")
        void reductionNeedsContent() {
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null, null, null, false, null))
                    .expectException(violationOf("DECISION-CONTENT", "content"))
                    .expectNoEvents();
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null,
                            new DecisionContent("SEL § 85", "d", "f", null), null, false, null))
                    .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
        }

        @Test
        @DisplayName("DECISION-CONTENT: the complaint guidance names the deadline, counted from receipt")
        void guidanceNamesTheDeadline() {
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(reduce(LocalDate.of(2025, 11, 28), null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).content()
                            .complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 12, 29))));
        }

        @Test
        @DisplayName("RECEIPT: a decision sent on paper counts as received 5 hverdage later; the complaint window runs from then")
        void paperReceipt() {
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 12, 22), Terms.sel85().build(), null, content(),
                            new Delivery(DeliveryChannel.PAPER, LocalDate.of(2025, 12, 22), null), false, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ScopeReduced.class).get(0).receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 12, 31));
                        assertThat(ofType(events, ComplaintWindowOpened.class).get(0).endsOn()).isEqualTo(LocalDate.of(2026, 1, 28));
                    }));
        }

        @Test
        @DisplayName("HEARING: a decision against the citizen on facts not seen waits until the citizen is heard")
        void hearingBeforeReduction() {
            ReduceScope onUnseenFacts = new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 10, 20), Terms.sel85().build(), null,
                    content(), null, true, null);
            HearCitizen hear = new HearCitizen(GRANT, "hearing-1", LocalDate.of(2025, 10, 1), null, "the provider's report");
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(onUnseenFacts)
                    .expectException(violationOf("HEARING", "factsNotSeenByCitizen"));
            fixture.givenCommands(granted(Paragraph.SEL85))
                    .when(hear)
                    .expectEventsMatching(payloads(events -> assertThat(events).singleElement().isInstanceOfSatisfying(
                            HearingRequested.class, h -> assertThat(h.answerDueOn()).isEqualTo(LocalDate.of(2025, 10, 15)))));
            fixture.givenCommands(granted(Paragraph.SEL85), hear)
                    .when(onUnseenFacts)
                    .expectException(violationOf("HEARING"));
            fixture.givenCommands(granted(Paragraph.SEL85), hear,
                            new RecordHearingAnswer(GRANT, "hearing-1", LocalDate.of(2025, 10, 10), "I see it differently"))
                    .when(onUnseenFacts)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("HEARING: without an answer, the decision may follow when the answer deadline has passed")
        void hearingDeadlinePasses() {
            fixture.givenCurrentTime(Copenhagen.startOf(LocalDate.of(2025, 10, 1)))
                    .andGivenCommands(granted(Paragraph.SEL85),
                            new HearCitizen(GRANT, "hearing-1", LocalDate.of(2025, 10, 1), null, "the provider's report"))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 16)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, HearingAnswerDeadlinePassed.class))
                            .singleElement().satisfies(h -> assertThat(h.answerDueOn()).isEqualTo(LocalDate.of(2025, 10, 15)))));
        }
    }

    @Nested
    class Shelter {

        @Test
        @DisplayName("SHELTER-NOTIFY: the shelter informs the municipality within 3 hverdage of admission, across Easter")
        void admissionNotice() {
            OpenGrant stay = open(Paragraph.SEL110, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 4, 15));
            fixture.givenCommands(stay)
                    .when(new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationDue.class)).singleElement()
                            .satisfies(n -> {
                                assertThat(n.kind()).isEqualTo(ShelterNotice.ADMISSION);
                                assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 4, 24));
                            })));
            fixture.givenCommands(stay, new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .when(new RecordShelterNotification(GRANT, ShelterNotice.ADMISSION, LocalDate.of(2025, 4, 23)))
                    .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                            .isInstanceOfSatisfying(ShelterNotified.class, n -> assertThat(n.late()).isFalse())));
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(LocalDate.of(2025, 4, 15)))
                    .andGivenCommands(stay, new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 4, 25)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationOverdue.class)).hasSize(1)));
        }

        @Test
        @DisplayName("SHELTER-NOTIFY: a discharge is notified within 3 hverdage too")
        void dischargeNotice() {
            fixture.givenCommands(open(Paragraph.SEL110, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 4, 15)),
                            new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .when(new TerminateGrant(GRANT, REDUCTION, LocalDate.of(2025, 12, 23), EndReason.GOALS_MET, null, null,
                            content(), null, false, false, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, GrantEnded.class)).hasSize(1);
                        assertThat(ofType(events, ShelterNotificationDue.class)).singleElement().satisfies(n -> {
                            assertThat(n.kind()).isEqualTo(ShelterNotice.DISCHARGE);
                            assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 12, 30));
                        });
                    }));
        }
    }
}
