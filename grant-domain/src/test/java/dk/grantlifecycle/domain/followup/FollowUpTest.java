package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.followup.FollowUpCommands.*;
import dk.grantlifecycle.domain.followup.FollowUpEvent.*;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.FollowUpKind;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.Paragraph;
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

class FollowUpTest {

    private static final FollowUpId PLAN = FollowUpId.forGrant(GRANT);
    private static final String CASE = APPLICATION.value();

    private AggregateTestFixture<FollowUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUp.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerIgnoredField(FollowUpScheduled.class, "scheduleId");
    }

    /** The cadences a Lejre grant gets from the shipped rules in force on {@code on}. */
    private static List<Cadence> lejre(Paragraph p, LocalDate on, boolean firstGrant) {
        return Cadences.forGrant(TestRules.SHIPPED.inForce(LEJRE, p, on), null, firstGrant, on, ADULT.cpr().birthDate(), CALENDAR);
    }

    private static StartFollowUpPlan plan(Paragraph p, LocalDate grantedOn, List<Cadence> cadences) {
        return new StartFollowUpPlan(PLAN, GRANT, CASE, p, grantedOn, cadences, null, null);
    }

    private static String key(int n) {
        return PLAN + "/" + n;
    }

    private static FollowUpScheduled scheduled(int n, FollowUpKind kind, String rule, LocalDate due, int cadence) {
        return new FollowUpScheduled(PLAN, CASE, key(n), kind, rule, due, null, cadence, null);
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a first-time § 85 grant under Lejre's 2015 standard is reassessed 12 weeks after the grant")
    void firstTimeGrantReassessedAfterTwelveWeeks() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        List<Cadence> cadences = lejre(Paragraph.SEL85, granted, true);
        fixture.givenNoPriorActivity()
                .when(plan(Paragraph.SEL85, granted, cadences))
                .expectEvents(new FollowUpPlanStarted(PLAN, GRANT, CASE, Paragraph.SEL85, granted, cadences, null, null),
                        scheduled(1, FollowUpKind.REASSESSMENT, "SEL85-REASSESS-12W", granted.plusWeeks(12), 0))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 5, 26)), FollowUp.DEADLINE);
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: when the 12 weeks have passed, ReassessmentDue fires once")
    void reassessmentDueFires() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        LocalDate due = granted.plusWeeks(12);
        fixture.givenCurrentTime(Copenhagen.startOf(granted))
                .andGivenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .whenTimeAdvancesTo(Copenhagen.startOf(due).plusSeconds(60))
                .expectEvents(new ReassessmentDue(PLAN, key(1), "SEL85-REASSESS-12W", due));
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .andGiven(new ReassessmentDue(PLAN, key(1), "SEL85-REASSESS-12W", due))
                .whenInvoking(PLAN.value(), f -> f.due(new DeadlinePayload(key(1), due)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: after the first reassessment the cadence restarts from its completion: at least every 6 months")
    void completionRestartsTheCadence() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        LocalDate done = LocalDate.of(2025, 5, 20);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .when(new CompleteFollowUp(PLAN, key(1), done, "need unchanged", null))
                .expectEvents(new FollowUpCompleted(PLAN, key(1), done, "need unchanged"),
                        scheduled(2, FollowUpKind.REASSESSMENT, "SEL85-REASSESS-12W", LocalDate.of(2025, 11, 20), 0))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(granted.plusWeeks(12)), FollowUp.DEADLINE)
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 11, 20)), FollowUp.DEADLINE);
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a grant keeps its decided cadence after Lejre's 2025 standard takes effect")
    void cadenceKeptAfterNewerRules() {
        LocalDate granted = LocalDate.of(2025, 6, 2);
        List<Cadence> decided = lejre(Paragraph.SEL85, granted, true);
        assertThat(lejre(Paragraph.SEL85, LocalDate.of(2025, 9, 1), true)).extracting(Cadence::rule)
                .containsExactly("SEL85-FOLLOWUP-6M");
        fixture.givenCommands(plan(Paragraph.SEL85, granted, decided))
                .when(new CompleteFollowUp(PLAN, key(1), LocalDate.of(2025, 9, 1), "done", null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> {
                            assertThat(s.ruleId()).isEqualTo("SEL85-REASSESS-12W");
                            assertThat(s.kind()).isEqualTo(FollowUpKind.REASSESSMENT);
                            assertThat(s.dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
                        })));
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: under Lejre's 2025 standard § 85 is followed up every 6 months; early completion restarts it")
    void halfYearlyFollowUp() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .when(new CompleteFollowUp(PLAN, key(1), LocalDate.of(2025, 12, 15), "early", null))
                .expectEvents(new FollowUpCompleted(PLAN, key(1), LocalDate.of(2025, 12, 15), "early"),
                        scheduled(2, FollowUpKind.FOLLOW_UP, "SEL85-FOLLOWUP-6M", LocalDate.of(2026, 6, 15), 0));
    }

    @Test
    @DisplayName("SEL85A-FOLLOWUP: Housing First support is followed up 3 months after start, then every 6 months")
    void section85a() {
        LocalDate granted = LocalDate.of(2025, 2, 3);
        LocalDate start = LocalDate.of(2025, 2, 17);
        fixture.givenNoPriorActivity()
                .when(plan(Paragraph.SEL85A, granted, lejre(Paragraph.SEL85A, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).isEmpty()));
        fixture.givenCommands(plan(Paragraph.SEL85A, granted, lejre(Paragraph.SEL85A, granted, true)))
                .when(new AnchorServiceStart(PLAN, start))
                .expectEvents(new ServiceStartAnchored(PLAN, start),
                        scheduled(1, FollowUpKind.FOLLOW_UP, "SEL85A-FOLLOWUP", LocalDate.of(2025, 5, 17), 0));
        fixture.givenCommands(plan(Paragraph.SEL85A, granted, lejre(Paragraph.SEL85A, granted, true)),
                        new AnchorServiceStart(PLAN, start))
                .when(new CompleteFollowUp(PLAN, key(1), LocalDate.of(2025, 5, 19), null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class).get(0).dueOn())
                        .isEqualTo(LocalDate.of(2025, 11, 19))));
    }

    @Test
    @DisplayName("SEL96-FOLLOWUP: BPA is followed up within 3-6 months of start (window opens at 3, due at 6), then yearly")
    void section96() {
        LocalDate granted = LocalDate.of(2025, 1, 6);
        LocalDate start = LocalDate.of(2025, 2, 1);
        fixture.givenCommands(plan(Paragraph.SEL96, granted, lejre(Paragraph.SEL96, granted, true)))
                .when(new AnchorServiceStart(PLAN, start))
                .expectEvents(new ServiceStartAnchored(PLAN, start),
                        new FollowUpScheduled(PLAN, CASE, key(1), FollowUpKind.FOLLOW_UP, "SEL96-FOLLOWUP",
                                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 5, 1), 0, null));
        fixture.givenCommands(plan(Paragraph.SEL96, granted, lejre(Paragraph.SEL96, granted, true)), new AnchorServiceStart(PLAN, start))
                .when(new CompleteFollowUp(PLAN, key(1), LocalDate.of(2025, 6, 10), null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class).get(0).dueOn())
                        .isEqualTo(LocalDate.of(2026, 6, 10))));
    }

    @Test
    @DisplayName("SEL98-FOLLOWUP, SEL103-FOLLOWUP, SEL104-FOLLOWUP: yearly, half-yearly and yearly from the grant")
    void grantAnchoredCadences() {
        LocalDate granted = LocalDate.of(2025, 11, 3);
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL98, granted, lejre(Paragraph.SEL98, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL98-FOLLOWUP", LocalDate.of(2026, 11, 3)))));
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL103, granted, lejre(Paragraph.SEL103, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL103-FOLLOWUP", LocalDate.of(2026, 5, 3)))));
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL104, granted, lejre(Paragraph.SEL104, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .contains(org.assertj.core.groups.Tuple.tuple("SEL104-FOLLOWUP", LocalDate.of(2026, 11, 3)))));
    }

    @Test
    @DisplayName("SEL104-AGE67: a § 104 plan has a review on the citizen's 67th birthday")
    void ageReview() {
        LocalDate granted = LocalDate.of(2025, 11, 3);
        fixture.givenNoPriorActivity().when(plan(Paragraph.SEL104, granted, lejre(Paragraph.SEL104, granted, true)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .filteredOn(s -> s.kind() == FollowUpKind.AGE_REVIEW)
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL104-AGE67", LocalDate.of(2057, 1, 1)))))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2057, 1, 1)), FollowUp.DEADLINE);
    }

    @Test
    @DisplayName("SEL107-FOLLOWUP and SEL108-FOLLOWUP: a temporary stay twice a year, a long-term home yearly, from move-in")
    void residentialCadences() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        LocalDate moveIn = LocalDate.of(2025, 10, 1);
        fixture.givenCommands(plan(Paragraph.SEL107, granted, lejre(Paragraph.SEL107, granted, true)))
                .when(new AnchorServiceStart(PLAN, moveIn))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL107-FOLLOWUP", LocalDate.of(2026, 4, 1)))));
        fixture.givenCommands(plan(Paragraph.SEL108, granted, lejre(Paragraph.SEL108, granted, true)))
                .when(new AnchorServiceStart(PLAN, moveIn))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL108-FOLLOWUP", LocalDate.of(2026, 10, 1)))));
    }

    @Test
    @DisplayName("SEL110-FOLLOWUP / SEL109-FOLLOWUP: a first meeting within 2 weeks of the stay, then at least every 8 weeks")
    void shelterCadences() {
        LocalDate granted = LocalDate.of(2025, 3, 3);
        for (Paragraph p : List.of(Paragraph.SEL110, Paragraph.SEL109)) {
            String rule = p == Paragraph.SEL110 ? "SEL110-FOLLOWUP" : "SEL109-FOLLOWUP";
            fixture.givenCommands(plan(p, granted, lejre(p, granted, true)))
                    .when(new AnchorServiceStart(PLAN, granted))
                    .expectEvents(new ServiceStartAnchored(PLAN, granted),
                            scheduled(1, FollowUpKind.FIRST_MEETING, rule, LocalDate.of(2025, 3, 17), 0),
                            scheduled(2, FollowUpKind.FOLLOW_UP, rule, LocalDate.of(2025, 4, 28), 1));
        }
    }

    @Test
    @DisplayName("SEL80-FOLLOWUP: temporary housing is followed up no later than 14 days after move-in")
    void section80() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        fixture.givenCommands(plan(Paragraph.SEL80, granted, lejre(Paragraph.SEL80, granted, true)))
                .when(new AnchorServiceStart(PLAN, LocalDate.of(2025, 9, 5)))
                .expectEvents(new ServiceStartAnchored(PLAN, LocalDate.of(2025, 9, 5)),
                        scheduled(1, FollowUpKind.FOLLOW_UP, "SEL80-FOLLOWUP", LocalDate.of(2025, 9, 19), 0));
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
                        .extracting(FollowUpScheduled::kind, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(FollowUpKind.STATUS_REPORT, LocalDate.of(2025, 6, 22)))));
        fixture.givenCommands(start, new AnchorServiceStart(PLAN, LocalDate.of(2025, 1, 13)))
                .when(new EndFollowUpPlan(PLAN, ends, "treatment completed", false))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class))
                        .extracting(FollowUpScheduled::ruleId, FollowUpScheduled::dueOn)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SEL101-STATUS", LocalDate.of(2025, 8, 6)),
                                org.assertj.core.groups.Tuple.tuple("SEL101-STATUS", LocalDate.of(2026, 1, 6)))));
        fixture.givenCommands(start, new AnchorServiceStart(PLAN, LocalDate.of(2025, 1, 13)))
                .when(new EndFollowUpPlan(PLAN, ends, "treatment completed", true))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).isEmpty()));
    }

    @Test
    @DisplayName("SEL104-REPEATED-CANCEL: repeated cancellations by the citizen make a dialogue and review due")
    void repeatedCancellations() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        StartFollowUpPlan start = new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL104, granted,
                lejre(Paragraph.SEL104, granted, true), null, 2);
        fixture.givenCommands(start, new RecordCancellationByCitizen(PLAN, LocalDate.of(2025, 9, 8)))
                .when(new RecordCancellationByCitizen(PLAN, LocalDate.of(2025, 9, 15)))
                .expectEvents(new CitizenCancelledAppointment(PLAN, LocalDate.of(2025, 9, 15), 2),
                        scheduled(3, FollowUpKind.CANCELLATION_REVIEW, "SEL104-REPEATED-CANCEL", LocalDate.of(2025, 9, 15), -1));
        fixture.givenCommands(start, new RecordCancellationByCitizen(PLAN, LocalDate.of(2025, 9, 8)))
                .when(new CompleteFollowUp(PLAN, key(1), LocalDate.of(2025, 9, 10), null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: when the grant ends its open follow-ups are cancelled with the reason and never fire")
    void endingCancelsOpenFollowUps() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .when(new EndFollowUpPlan(PLAN, LocalDate.of(2025, 12, 1), "grant ended: GOALS_MET", false))
                .expectEvents(new FollowUpPlanEnded(PLAN, LocalDate.of(2025, 12, 1), "grant ended: GOALS_MET", List.of(key(1))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void startingTwiceChangesNothing() {
        LocalDate granted = LocalDate.of(2025, 9, 1);
        fixture.givenCommands(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .when(plan(Paragraph.SEL85, granted, lejre(Paragraph.SEL85, granted, true)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("GLX-MOVE: a service without follow-up gets no cadences, even where the paragraph has one")
    void serviceWithoutFollowUp() {
        var lejre = TestRules.SHIPPED.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 9, 1));
        var move = TestRules.SHIPPED.inForce(GLADSAXE, Paragraph.SEL85, LocalDate.of(2025, 9, 1)).rules().services().get("GLX-MOVE");
        assertThat(Cadences.forGrant(lejre, move, true, LocalDate.of(2025, 9, 1), null, CALENDAR)).isEmpty();
        assertThat(Cadences.forGrant(lejre, null, true, LocalDate.of(2025, 9, 1), null, CALENDAR)).hasSize(1);
    }
}
