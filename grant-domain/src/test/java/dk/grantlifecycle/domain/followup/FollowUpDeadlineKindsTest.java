package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.Cadence.Anchor;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.followup.FollowUpCommands.*;
import dk.grantlifecycle.domain.followup.FollowUpEvent.*;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Consumer;

import static dk.grantlifecycle.domain.support.Cases.*;

/**
 * The follow-up plan's deadline kinds through its {@code Deadlines} member: each is the
 * municipality's, recorded in its {@link FollowUpScheduled} event with its due date, scheduled
 * under its own name at the start of that date, fires its event when reached, and once closed
 * its schedule is cancelled and a late delivery changes nothing. Cadences are written out as a
 * decision records them. A test that watches a schedule gives the command that makes it: only a
 * command's schedule reaches the fixture's deadline manager.
 */
class FollowUpDeadlineKindsTest {

    private static final FollowUpId PLAN = FollowUpId.forGrant(GRANT);

    private AggregateTestFixture<FollowUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUp.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** The {@code n}th deadline of the plan: {@code <followUpId>/<n>}. */
    private static DeadlineId id(int n) {
        return DeadlineId.of("grant-00000001-followup/" + n);
    }

    private static StartFollowUpPlan plan(Paragraph p, LocalDate grantedOn, List<Cadence> cadences, LocalDate validUntil,
                                          Integer repeatedCancellations) {
        return new StartFollowUpPlan(PLAN, GRANT, CASE, p, grantedOn, cadences, validUntil, repeatedCancellations);
    }

    private static FollowUpPlanStarted planStarted(Paragraph p, LocalDate grantedOn, List<Cadence> cadences, LocalDate validUntil,
                                                   Integer repeatedCancellations) {
        return new FollowUpPlanStarted(PLAN, GRANT, CASE, p, grantedOn, cadences, validUntil, repeatedCancellations);
    }

    private static FollowUpScheduled scheduled(int n, DeadlineKind kind, RuleId rule, LocalDate dueOn, Cadence cadence) {
        return new FollowUpScheduled(PLAN, CASE, new Deadline(id(n), kind, rule, dueOn, Party.MUNICIPALITY, null), cadence);
    }

    /** The plan's deadline handler, called as the scheduler calls it. */
    private static Consumer<FollowUp> reached(DeadlineId deadline, LocalDate dueOn) {
        return plan -> plan.deadlineReached(new DeadlinePayload(deadline.value(), dueOn));
    }

    /** A plan with one cadence: its first deadline is scheduled under its name at the start of its due date. */
    private void assertScheduledAtStartOfDate(Paragraph p, LocalDate granted, Cadence cadence, DeadlineKind kind, RuleId rule,
                                              LocalDate due) {
        fixture.givenNoPriorActivity()
                .when(plan(p, granted, List.of(cadence), null, null))
                .expectEvents(planStarted(p, granted, List.of(cadence), null, null), scheduled(1, kind, rule, due, cadence))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001-followup/1");
    }

    /** A plan with one cadence: its first deadline fires when its due date begins. */
    private void assertFiresWhenDateBegins(Paragraph p, LocalDate granted, Cadence cadence, FollowUpKind kind, RuleId rule,
                                           LocalDate due) {
        fixture.givenCurrentTime(Copenhagen.startOf(granted))
                .andGivenCommands(plan(p, granted, List.of(cadence), null, null))
                .whenTimeAdvancesTo(Copenhagen.startOf(due))
                .expectEvents(new FollowUpDue(PLAN, CASE, id(1), kind, rule, due));
    }

    /** A plan with one cadence ended on {@code endedOn}: the schedule is cancelled and a late delivery changes nothing. */
    private void assertEndCancelsSchedule(Paragraph p, LocalDate granted, Cadence cadence, DeadlineKind kind, RuleId rule,
                                          LocalDate due, LocalDate endedOn) {
        FollowUpPlanEnded ended = new FollowUpPlanEnded(PLAN, CASE, endedOn, "grant ended: GOALS_MET", List.of(id(1)));
        fixture.givenCommands(plan(p, granted, List.of(cadence), null, null))
                .when(new EndFollowUpPlan(PLAN, endedOn, "grant ended: GOALS_MET", false))
                .expectEvents(ended)
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(id(1)));
        fixture.given(planStarted(p, granted, List.of(cadence), null, null), scheduled(1, kind, rule, due, cadence), ended)
                .whenInvoking(PLAN.value(), reached(id(1), due))
                .expectNoEvents();
    }

    @Nested
    @DisplayName("REASSESSMENT (SEL85-REASSESS-12W)")
    class Reassessment {

        private final LocalDate granted = LocalDate.of(2025, 3, 3);
        /** 12 weeks after the grant of 3 March 2025. */
        private final LocalDate due = LocalDate.of(2025, 5, 26);
        private final Cadence cadence = new Cadence(RuleId.SEL85_REASSESS_12W, FollowUpKind.REASSESSMENT, Anchor.GRANT,
                Period.ofWeeks(12), null, Period.ofMonths(6), null);

        @Test
        void isScheduledForTheStartOfItsDate() {
            fixture.givenNoPriorActivity()
                    .when(plan(Paragraph.SEL85, granted, List.of(cadence), null, null))
                    .expectEvents(planStarted(Paragraph.SEL85, granted, List.of(cadence), null, null),
                            scheduled(1, DeadlineKind.REASSESSMENT, RuleId.SEL85_REASSESS_12W, due, cadence))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001-followup/1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(granted))
                    .andGivenCommands(plan(Paragraph.SEL85, granted, List.of(cadence), null, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new ReassessmentDue(PLAN, CASE, id(1), RuleId.SEL85_REASSESS_12W, due));
        }

        @Test
        void completionCancelsItsScheduleAndALateDeliveryChangesNothing() {
            LocalDate done = LocalDate.of(2025, 5, 20);
            FollowUpCompleted completed = new FollowUpCompleted(PLAN, CASE, id(1), done, "need unchanged");
            fixture.givenCommands(plan(Paragraph.SEL85, granted, List.of(cadence), null, null))
                    .when(new CompleteFollowUp(PLAN, id(1), done, "need unchanged", null))
                    .expectEvents(completed,
                            scheduled(2, DeadlineKind.REASSESSMENT, RuleId.SEL85_REASSESS_12W, LocalDate.of(2025, 11, 20), cadence))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(id(1)));
            fixture.given(planStarted(Paragraph.SEL85, granted, List.of(cadence), null, null),
                            scheduled(1, DeadlineKind.REASSESSMENT, RuleId.SEL85_REASSESS_12W, due, cadence), completed,
                            scheduled(2, DeadlineKind.REASSESSMENT, RuleId.SEL85_REASSESS_12W, LocalDate.of(2025, 11, 20), cadence))
                    .whenInvoking(PLAN.value(), reached(id(1), due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("FOLLOW_UP (SEL85-FOLLOWUP-6M)")
    class FollowUpKindFollowUp {

        private final LocalDate granted = LocalDate.of(2025, 9, 1);
        /** 6 months after the grant of 1 September 2025. */
        private final LocalDate due = LocalDate.of(2026, 3, 1);
        private final Cadence cadence = new Cadence(RuleId.SEL85_FOLLOWUP_6M, FollowUpKind.FOLLOW_UP, Anchor.GRANT,
                Period.ofMonths(6), null, Period.ofMonths(6), null);

        @Test
        void isScheduledForTheStartOfItsDate() {
            assertScheduledAtStartOfDate(Paragraph.SEL85, granted, cadence, DeadlineKind.FOLLOW_UP, RuleId.SEL85_FOLLOWUP_6M, due);
        }

        @Test
        void firesWhenItsDateBegins() {
            assertFiresWhenDateBegins(Paragraph.SEL85, granted, cadence, FollowUpKind.FOLLOW_UP, RuleId.SEL85_FOLLOWUP_6M, due);
        }

        @Test
        void theEndOfThePlanCancelsItsScheduleAndALateDeliveryChangesNothing() {
            assertEndCancelsSchedule(Paragraph.SEL85, granted, cadence, DeadlineKind.FOLLOW_UP, RuleId.SEL85_FOLLOWUP_6M, due, LocalDate.of(2025, 12, 1));
        }
    }

    @Nested
    @DisplayName("FIRST_MEETING (SEL110-FOLLOWUP)")
    class FirstMeeting {

        private final LocalDate stayStarted = LocalDate.of(2025, 3, 3);
        /** 2 weeks after the stay started on 3 March 2025. */
        private final LocalDate due = LocalDate.of(2025, 3, 17);
        private final Cadence first = new Cadence(RuleId.SEL110_FOLLOWUP, FollowUpKind.FIRST_MEETING, Anchor.START,
                Period.ofWeeks(2), null, null, null);
        private final Cadence regular = new Cadence(RuleId.SEL110_FOLLOWUP, FollowUpKind.FOLLOW_UP, Anchor.START,
                Period.ofWeeks(8), null, Period.ofWeeks(8), null);
        private final FollowUpPlanStarted started = planStarted(Paragraph.SEL110, stayStarted, List.of(first, regular), null, null);

        @Test
        void isScheduledForTheStartOfItsDateOnceTheStayStarts() {
            fixture.given(started)
                    .when(new AnchorServiceStart(PLAN, stayStarted))
                    .expectEvents(new ServiceStartAnchored(PLAN, CASE, stayStarted),
                            scheduled(1, DeadlineKind.FIRST_MEETING, RuleId.SEL110_FOLLOWUP, due, first),
                            scheduled(2, DeadlineKind.FOLLOW_UP, RuleId.SEL110_FOLLOWUP, LocalDate.of(2025, 4, 28), regular))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001-followup/1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(stayStarted))
                    .andGiven(started)
                    .andGivenCommands(new AnchorServiceStart(PLAN, stayStarted))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new FollowUpDue(PLAN, CASE, id(1), FollowUpKind.FIRST_MEETING, RuleId.SEL110_FOLLOWUP, due));
        }

        @Test
        void theMeetingCancelsItsScheduleAndALateDeliveryChangesNothing() {
            FollowUpCompleted met = new FollowUpCompleted(PLAN, CASE, id(1), LocalDate.of(2025, 3, 14), "first meeting held");
            fixture.given(started)
                    .andGivenCommands(new AnchorServiceStart(PLAN, stayStarted))
                    .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 3, 14), "first meeting held", null))
                    .expectEvents(met)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(id(1)));
            fixture.given(started, new ServiceStartAnchored(PLAN, CASE, stayStarted),
                            scheduled(1, DeadlineKind.FIRST_MEETING, RuleId.SEL110_FOLLOWUP, due, first),
                            scheduled(2, DeadlineKind.FOLLOW_UP, RuleId.SEL110_FOLLOWUP, LocalDate.of(2025, 4, 28), regular), met)
                    .whenInvoking(PLAN.value(), reached(id(1), due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("STATUS_REPORT (SEL101-STATUS)")
    class StatusReport {

        private final LocalDate granted = LocalDate.of(2025, 1, 6);
        private final LocalDate ends = LocalDate.of(2025, 7, 6);
        /** 14 days before the grant ends on 6 July 2025. */
        private final LocalDate due = LocalDate.of(2025, 6, 22);
        private final Cadence beforeEnd = new Cadence(RuleId.SEL101_STATUS, FollowUpKind.STATUS_REPORT, Anchor.BEFORE_END,
                Period.ofDays(14), null, null, null);

        @Test
        void isScheduledForTheStartOfItsDate() {
            fixture.givenNoPriorActivity()
                    .when(plan(Paragraph.SEL101, granted, List.of(beforeEnd), ends, null))
                    .expectEvents(planStarted(Paragraph.SEL101, granted, List.of(beforeEnd), ends, null),
                            scheduled(1, DeadlineKind.STATUS_REPORT, RuleId.SEL101_STATUS, due, beforeEnd))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001-followup/1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(granted))
                    .andGivenCommands(plan(Paragraph.SEL101, granted, List.of(beforeEnd), ends, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new FollowUpDue(PLAN, CASE, id(1), FollowUpKind.STATUS_REPORT, RuleId.SEL101_STATUS, due));
        }

        @Test
        void theReportCancelsItsScheduleAndALateDeliveryChangesNothing() {
            FollowUpCompleted reported = new FollowUpCompleted(PLAN, CASE, id(1), LocalDate.of(2025, 6, 20), "status sent");
            fixture.givenCommands(plan(Paragraph.SEL101, granted, List.of(beforeEnd), ends, null))
                    .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 6, 20), "status sent", null))
                    .expectEvents(reported)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(id(1)));
            fixture.given(planStarted(Paragraph.SEL101, granted, List.of(beforeEnd), ends, null),
                            scheduled(1, DeadlineKind.STATUS_REPORT, RuleId.SEL101_STATUS, due, beforeEnd), reported)
                    .whenInvoking(PLAN.value(), reached(id(1), due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("AGE_REVIEW (SEL104-AGE67)")
    class AgeReview {

        private final LocalDate granted = LocalDate.of(2025, 11, 3);
        /** The citizen, born 1 January 1990, turns 67. */
        private final LocalDate due = LocalDate.of(2057, 1, 1);
        private final Cadence age = new Cadence(RuleId.SEL104_AGE67, FollowUpKind.AGE_REVIEW, Anchor.AGE, null, null, null, due);

        @Test
        void isScheduledForTheStartOfItsDate() {
            assertScheduledAtStartOfDate(Paragraph.SEL104, granted, age, DeadlineKind.AGE_REVIEW, RuleId.SEL104_AGE67, due);
        }

        @Test
        void firesWhenItsDateBegins() {
            assertFiresWhenDateBegins(Paragraph.SEL104, granted, age, FollowUpKind.AGE_REVIEW, RuleId.SEL104_AGE67, due);
        }

        @Test
        void theEndOfThePlanCancelsItsScheduleAndALateDeliveryChangesNothing() {
            assertEndCancelsSchedule(Paragraph.SEL104, granted, age, DeadlineKind.AGE_REVIEW, RuleId.SEL104_AGE67, due, LocalDate.of(2026, 6, 1));
        }
    }

    @Nested
    @DisplayName("CANCELLATION_REVIEW (SEL104-REPEATED-CANCEL)")
    class CancellationReview {

        private final LocalDate granted = LocalDate.of(2025, 9, 1);
        /** The second cancellation: the review is due at once. */
        private final LocalDate due = LocalDate.of(2025, 9, 15);
        private final Cadence yearly = new Cadence(RuleId.SEL104_FOLLOWUP, FollowUpKind.FOLLOW_UP, Anchor.GRANT,
                Period.ofYears(1), null, Period.ofYears(1), null);
        /** A § 104 plan whose rules make a review due at the second cancellation, and one cancellation so far. */
        private final List<Object> oneCancellation = List.of(planStarted(Paragraph.SEL104, granted, List.of(yearly), null, 2),
                scheduled(1, DeadlineKind.FOLLOW_UP, RuleId.SEL104_FOLLOWUP, LocalDate.of(2026, 9, 1), yearly),
                new CitizenCancelledAppointment(PLAN, CASE, LocalDate.of(2025, 9, 8), 1));

        @Test
        void isScheduledForTheStartOfItsDate() {
            fixture.given(oneCancellation)
                    .when(new RecordCancellationByCitizen(PLAN, due))
                    .expectEvents(new CitizenCancelledAppointment(PLAN, CASE, due, 2),
                            scheduled(2, DeadlineKind.CANCELLATION_REVIEW, RuleId.SEL104_REPEATED_CANCEL, due, null))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001-followup/2");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(LocalDate.of(2025, 9, 8)))
                    .andGiven(oneCancellation)
                    .andGivenCommands(new RecordCancellationByCitizen(PLAN, due))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new FollowUpDue(PLAN, CASE, id(2), FollowUpKind.CANCELLATION_REVIEW,
                            RuleId.SEL104_REPEATED_CANCEL, due));
        }

        @Test
        void theReviewCancelsItsScheduleAndALateDeliveryChangesNothing() {
            FollowUpCompleted reviewed = new FollowUpCompleted(PLAN, CASE, id(2), LocalDate.of(2025, 9, 18), "dialogue held");
            fixture.given(oneCancellation)
                    .andGivenCommands(new RecordCancellationByCitizen(PLAN, due))
                    .when(new CompleteFollowUp(PLAN, id(2), LocalDate.of(2025, 9, 18), "dialogue held", null))
                    .expectEvents(reviewed)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(id(2)));
            fixture.given(oneCancellation)
                    .andGiven(new CitizenCancelledAppointment(PLAN, CASE, due, 2),
                            scheduled(2, DeadlineKind.CANCELLATION_REVIEW, RuleId.SEL104_REPEATED_CANCEL, due, null), reviewed)
                    .whenInvoking(PLAN.value(), reached(id(2), due))
                    .expectNoEvents();
        }
    }
}
