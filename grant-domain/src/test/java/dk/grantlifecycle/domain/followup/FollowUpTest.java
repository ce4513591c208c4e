package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.followup.FollowUpCommands.*;
import dk.grantlifecycle.domain.followup.FollowUpEvent.*;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class FollowUpTest {

    private static final FollowUpId PLAN = FollowUpId.forGrant(GRANT);

    private AggregateTestFixture<FollowUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUp.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** The cadences a Lejre grant gets from the rules in force on {@code on}. */
    private static List<Cadence> lejre(Paragraph p, LocalDate on, boolean firstGrant) {
        return Cadences.forGrant(TestRules.FIXTURE.inForce(LEJRE, p, on), null, firstGrant, on, ADULT.cpr().birthDate(), CALENDAR);
    }

    private static StartFollowUpPlan plan(Paragraph p, LocalDate grantedOn, List<Cadence> cadences) {
        return new StartFollowUpPlan(PLAN, GRANT, CASE, p, grantedOn, cadences, null, null);
    }

    private static FollowUpPlanStarted planStarted(Paragraph p, LocalDate grantedOn, List<Cadence> cadences) {
        return new FollowUpPlanStarted(PLAN, GRANT, CASE, p, grantedOn, cadences, null, null);
    }

    private static DeadlineId id(int n) {
        return DeadlineId.of(PLAN + "/" + n);
    }

    private static String scheduleName(int n) {
        return Deadline.scheduleName(id(n));
    }

    private static FollowUpScheduled scheduled(int n, Cadence cadence, LocalDate due) {
        return scheduled(n, cadence, due, null);
    }

    private static FollowUpScheduled scheduled(int n, Cadence cadence, LocalDate due, LocalDate windowOpens) {
        return new FollowUpScheduled(PLAN, CASE, new Deadline(id(n), DeadlineKind.valueOf(cadence.kind().name()), cadence.rule(),
                due, Party.MUNICIPALITY, windowOpens), cadence);
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a first-time § 85 grant under Lejre's 2015 standard is reassessed 12 weeks after the grant")
    void firstTimeGrantReassessedAfterTwelveWeeks() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.givenNoPriorActivity()
                .when(plan(Paragraph.SEL85, granted, cadences))
                .expectEvents(planStarted(Paragraph.SEL85, granted, cadences),
                        scheduled(1, cadences.get(0), LocalDate.of(2025, 5, 26)))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 5, 26)), scheduleName(1));
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: when the 12 weeks have passed, ReassessmentDue fires once")
    void reassessmentDueFires() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        LocalDate due = LocalDate.of(2025, 5, 26);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.givenCurrentTime(Copenhagen.startOf(granted))
                .andGivenCommands(plan(Paragraph.SEL85, granted, cadences))
                .whenTimeAdvancesTo(Copenhagen.startOf(due).plusSeconds(60))
                .expectEvents(new ReassessmentDue(PLAN, CASE, id(1), RuleId.SEL85_REASSESS_12W, due));
        fixture.given(planStarted(Paragraph.SEL85, granted, cadences), scheduled(1, cadences.get(0), due),
                        new ReassessmentDue(PLAN, CASE, id(1), RuleId.SEL85_REASSESS_12W, due))
                .whenInvoking(PLAN.value(), f -> f.deadlineReached(new DeadlinePayload(id(1).value(), due)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: after the first reassessment the cadence restarts from its completion: at least every 6 months")
    void completionRestartsTheCadence() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        LocalDate done = LocalDate.of(2025, 5, 20);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.given(planStarted(Paragraph.SEL85, granted, cadences), scheduled(1, cadences.get(0), LocalDate.of(2025, 5, 26)))
                .when(new CompleteFollowUp(PLAN, id(1), done, "need unchanged", null))
                .expectEvents(new FollowUpCompleted(PLAN, CASE, id(1), done, "need unchanged"),
                        scheduled(2, cadences.get(0), LocalDate.of(2025, 11, 20)))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 11, 20)), scheduleName(2));
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a completed follow-up's schedule is cancelled, so it never fires")
    void completionCancelsTheSchedule() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, cadences))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 5, 20), "need unchanged", null))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 5, 26)), scheduleName(1))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 11, 20)), scheduleName(2));
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a grant keeps its decided cadence after Lejre's 2025 standard takes effect")
    void cadenceKeptAfterNewerRules() {
        LocalDate granted = LocalDate.of(2025, 6, 2);
        List<Cadence> decided = lejre(Paragraph.SEL85, granted, true);
        assertThat(lejre(Paragraph.SEL85, LocalDate.of(2025, 9, 1), true)).extracting(Cadence::rule)
                .containsExactly(RuleId.SEL85_FOLLOWUP_6M);
        fixture.given(planStarted(Paragraph.SEL85, granted, decided), scheduled(1, decided.get(0), LocalDate.of(2025, 8, 25)))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 9, 1), "done", null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> {
                            assertThat(s.deadline().rule()).isEqualTo(RuleId.SEL85_REASSESS_12W);
                            assertThat(s.deadline().kind()).isEqualTo(DeadlineKind.REASSESSMENT);
                            assertThat(s.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
                        })));
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: under Lejre's 2025 standard § 85 is followed up every 6 months; early completion restarts it")
    void halfYearlyFollowUp() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.given(planStarted(Paragraph.SEL85, granted, cadences), scheduled(1, cadences.get(0), LocalDate.of(2026, 3, 1)))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 12, 15), "early", null))
                .expectEvents(new FollowUpCompleted(PLAN, CASE, id(1), LocalDate.of(2025, 12, 15), "early"),
                        scheduled(2, cadences.get(0), LocalDate.of(2026, 6, 15)));
    }

    @Test
    @DisplayName("SEL85A-FOLLOWUP: Housing First support is followed up 3 months after start, then every 6 months")
    void section85a() {
        LocalDate granted = LocalDate.of(2025, 2, 3);
        LocalDate start = LocalDate.of(2025, 2, 17);
        List<Cadence> cadences = lejre(Paragraph.SEL85A, granted, true);
        fixture.givenNoPriorActivity()
                .when(plan(Paragraph.SEL85A, granted, cadences))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).isEmpty()));
        fixture.given(planStarted(Paragraph.SEL85A, granted, cadences))
                .when(new AnchorServiceStart(PLAN, start))
                .expectEvents(new ServiceStartAnchored(PLAN, CASE, start), scheduled(1, cadences.get(0), LocalDate.of(2025, 5, 17)));
        fixture.given(planStarted(Paragraph.SEL85A, granted, cadences), new ServiceStartAnchored(PLAN, CASE, start),
                        scheduled(1, cadences.get(0), LocalDate.of(2025, 5, 17)))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 5, 19), null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class).get(0).deadline().dueOn())
                        .isEqualTo(LocalDate.of(2025, 11, 19))));
    }

    @Test
    @DisplayName("SEL96-FOLLOWUP: BPA is followed up within 3-6 months of start (window opens at 3, due at 6), then yearly")
    void section96() {
        LocalDate granted = LocalDate.of(2025, 1, 6);
        LocalDate start = LocalDate.of(2025, 2, 1);
        List<Cadence> cadences = lejre(Paragraph.SEL96, granted, true);
        fixture.given(planStarted(Paragraph.SEL96, granted, cadences))
                .when(new AnchorServiceStart(PLAN, start))
                .expectEvents(new ServiceStartAnchored(PLAN, CASE, start),
                        scheduled(1, cadences.get(0), LocalDate.of(2025, 8, 1), LocalDate.of(2025, 5, 1)));
        fixture.given(planStarted(Paragraph.SEL96, granted, cadences), new ServiceStartAnchored(PLAN, CASE, start),
                        scheduled(1, cadences.get(0), LocalDate.of(2025, 8, 1), LocalDate.of(2025, 5, 1)))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 6, 10), null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class).get(0).deadline().dueOn())
                        .isEqualTo(LocalDate.of(2026, 6, 10))));
    }

    @Test
    @DisplayName("SEL98-FOLLOWUP, SEL103-FOLLOWUP, SEL104-FOLLOWUP: yearly, half-yearly and yearly from the grant")
    void grantAnchoredCadences() {
        LocalDate granted = LocalDate.of(2025, 11, 3);
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL98, granted, lejre(Paragraph.SEL98, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL98_FOLLOWUP, LocalDate.of(2026, 11, 3)))));
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL103, granted, lejre(Paragraph.SEL103, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL103_FOLLOWUP, LocalDate.of(2026, 5, 3)))));
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL104, granted, lejre(Paragraph.SEL104, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .contains(tuple(RuleId.SEL104_FOLLOWUP, LocalDate.of(2026, 11, 3)))));
    }

    @Test
    @DisplayName("SEL104-AGE67: a § 104 plan has a review on the citizen's 67th birthday")
    void ageReview() {
        LocalDate granted = LocalDate.of(2025, 11, 3);
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL104, granted, lejre(Paragraph.SEL104, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .filteredOn(s -> s.deadline().kind() == DeadlineKind.AGE_REVIEW)
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL104_AGE67, LocalDate.of(2057, 1, 1)))))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2057, 1, 1)), scheduleName(2));
    }

    @Test
    @DisplayName("SEL107-FOLLOWUP and SEL108-FOLLOWUP: a temporary stay twice a year, a long-term home yearly, from move-in")
    void residentialCadences() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        LocalDate moveIn = LocalDate.of(2025, 10, 1);
        fixture.given(planStarted(Paragraph.SEL107, granted, lejre(Paragraph.SEL107, granted, true)))
                .when(new AnchorServiceStart(PLAN, moveIn))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL107_FOLLOWUP, LocalDate.of(2026, 4, 1)))));
        fixture.given(planStarted(Paragraph.SEL108, granted, lejre(Paragraph.SEL108, granted, true)))
                .when(new AnchorServiceStart(PLAN, moveIn))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL108_FOLLOWUP, LocalDate.of(2026, 10, 1)))));
    }

    @Test
    @DisplayName("SEL110-FOLLOWUP / SEL109-FOLLOWUP: a first meeting within 2 weeks of the stay; the 8 weeks wait for it (ShelterCadenceTest)")
    void shelterCadences() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        for (Paragraph p : List.of(Paragraph.SEL110, Paragraph.SEL109)) {
            List<Cadence> cadences = lejre(p, granted, true);
            fixture.given(planStarted(p, granted, cadences))
                    .when(new AnchorServiceStart(PLAN, granted))
                    .expectEvents(new ServiceStartAnchored(PLAN, CASE, granted),
                            scheduled(1, cadences.get(0), LocalDate.of(2025, 3, 17)));
        }
    }

    @Test
    @DisplayName("SEL80-FOLLOWUP: temporary housing is followed up no later than 14 days after move-in")
    void section80() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        List<Cadence> cadences = lejre(Paragraph.SEL80, granted, true);
        fixture.given(planStarted(Paragraph.SEL80, granted, cadences))
                .when(new AnchorServiceStart(PLAN, LocalDate.of(2025, 9, 5)))
                .expectEvents(new ServiceStartAnchored(PLAN, CASE, LocalDate.of(2025, 9, 5)),
                        scheduled(1, cadences.get(0), LocalDate.of(2025, 9, 19)));
    }

    @Test
    @DisplayName("SEL101-STATUS: written status every 3 months and 14 days before the grant ends; after the end, follow-ups at 1 and 6 months")
    void section101Status() {
        LocalDate granted = LocalDate.of(2025, 1, 6);
        LocalDate ends = LocalDate.of(2025, 7, 6);
        List<Cadence> cadences = lejre(Paragraph.SEL101, granted, true);
        StartFollowUpPlan start = new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL101, granted, cadences, ends, null);
        fixture.givenNoPriorActivity().when(start)
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().kind(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(DeadlineKind.STATUS_REPORT, LocalDate.of(2025, 6, 22)))));
        FollowUpPlanStarted started = new FollowUpPlanStarted(PLAN, GRANT, CASE, Paragraph.SEL101, granted, cadences, ends, null);
        fixture.given(started, new ServiceStartAnchored(PLAN, CASE, LocalDate.of(2025, 1, 13)))
                .when(new EndFollowUpPlan(PLAN, ends, "treatment completed", false))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.SEL101_STATUS, LocalDate.of(2025, 8, 6)),
                                tuple(RuleId.SEL101_STATUS, LocalDate.of(2026, 1, 6)))));
        fixture.given(started, new ServiceStartAnchored(PLAN, CASE, LocalDate.of(2025, 1, 13)))
                .when(new EndFollowUpPlan(PLAN, ends, "treatment completed", true))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).isEmpty()));
    }

    @Test
    @DisplayName("SEL104-REPEATED-CANCEL: repeated cancellations by the citizen make a dialogue and review due")
    void repeatedCancellations() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        List<Cadence> cadences = lejre(Paragraph.SEL104, granted, true);
        FollowUpPlanStarted started = new FollowUpPlanStarted(PLAN, GRANT, CASE, Paragraph.SEL104, granted, cadences, null, 2);
        fixture.given(started, scheduled(1, cadences.get(0), LocalDate.of(2026, 9, 1)),
                        scheduled(2, cadences.get(1), LocalDate.of(2057, 1, 1)),
                        new CitizenCancelledAppointment(PLAN, CASE, LocalDate.of(2025, 9, 8), 1))
                .when(new RecordCancellationByCitizen(PLAN, LocalDate.of(2025, 9, 15)))
                .expectEvents(new CitizenCancelledAppointment(PLAN, CASE, LocalDate.of(2025, 9, 15), 2),
                        new FollowUpScheduled(PLAN, CASE, Deadline.of(id(3), DeadlineKind.CANCELLATION_REVIEW,
                                RuleId.SEL104_REPEATED_CANCEL, LocalDate.of(2025, 9, 15), Party.MUNICIPALITY), null));
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: when the grant ends its open follow-ups are cancelled with the reason and never fire")
    void endingCancelsOpenFollowUps() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .when(new EndFollowUpPlan(PLAN, LocalDate.of(2025, 12, 1), "grant ended: GOALS_MET", false))
                .expectEvents(new FollowUpPlanEnded(PLAN, CASE, LocalDate.of(2025, 12, 1), "grant ended: GOALS_MET", List.of(id(1))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void startingTwiceChangesNothing() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.given(planStarted(Paragraph.SEL85, granted, cadences))
                .when(plan(Paragraph.SEL85, granted, cadences))
                .expectNoEvents();
    }

    @Test
    @DisplayName("GLX-MOVE: a service without follow-up gets no cadences, even where the paragraph has one")
    void serviceWithoutFollowUp() {
        var lejre = TestRules.FIXTURE.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 9, 1));
        var move = TestRules.FIXTURE.inForce(GLADSAXE, Paragraph.SEL85, LocalDate.of(2025, 9, 1)).rules().services().get("GLX-MOVE");
        assertThat(Cadences.forGrant(lejre, move, true, LocalDate.of(2025, 9, 1), null, CALENDAR)).isEmpty();
        assertThat(Cadences.forGrant(lejre, null, true, LocalDate.of(2025, 9, 1), null, CALENDAR)).hasSize(1);
    }
}
