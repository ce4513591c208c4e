package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.grant.GrantCommands.ReconsiderComplaint;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordAppealDecision;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordShelterNotification;
import dk.grantlifecycle.domain.grant.GrantCommands.StartService;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecided;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecisionOverdue;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowClosed;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDeadlineSet;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDue;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionTookEffect;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotificationDue;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotificationOverdue;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotified;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.GrantCases.complaint;
import static dk.grantlifecycle.domain.support.GrantCases.open;
import static dk.grantlifecycle.domain.support.GrantCases.reduce;
import static dk.grantlifecycle.domain.support.GrantCases.upheld;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The grant's deadline kinds through its {@code Deadlines} member: each is recorded in its opening
 * event with its party and due date, scheduled under its own name at the start of its date (the
 * municipality's) or of the day after its last day (the citizen's and a third party's), fires its
 * event when reached, and once closed its schedule is cancelled and a late delivery changes
 * nothing. A test that watches a schedule gives the command that makes it: only a command's
 * schedule reaches the fixture's deadline manager. HEARING_ANSWER, kept by the same hearings
 * member as the application's, is shown in {@code ApplicationDeadlineKindsTest}.
 */
class GrantDeadlineKindsTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final LocalDate COMPLAINED = LocalDate.of(2025, 9, 15);
    private static final LocalDate RECONSIDERED = LocalDate.of(2025, 10, 6);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** The grant's deadline handler, called as the scheduler calls it. */
    private static Consumer<Grant> reached(DeadlineId deadline, LocalDate dueOn) {
        return grant -> grant.deadlineReached(new DeadlinePayload(deadline.value(), dueOn), TestRules.FIXTURE,
                new StubDeadlineManager());
    }

    /** A § 85 rejection of 1 September 2025, its complaint window running to 29 September. */
    private static List<Object> rejection() {
        return List.of(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)));
    }

    /** ... and the citizen's complaint of 15 September, awaiting reconsideration. */
    private static List<Object> rejectionComplainedAbout() {
        List<Object> history = new ArrayList<>(rejection());
        history.addAll(List.of(complaintReceived(COMPLAINT, DECISION, COMPLAINED, LocalDate.of(2025, 9, 29)),
                windowClosedByComplaint(DECISION, COMPLAINED),
                reconsiderationSet(COMPLAINT, RuleId.COMPLAINT_RECONSIDER, LocalDate.of(2025, 10, 13))));
        return history;
    }

    @Nested
    @DisplayName("COMPLAINT_WINDOW (COMPLAINT-WINDOW)")
    class ComplaintWindow {

        /** Four weeks after receipt on 1 September: the citizen may complain until the end of that day. */
        private final LocalDate lastDay = LocalDate.of(2025, 9, 29);
        private final DeadlineId window = DeadlineId.of("grant-00000001/complaint-window/decision-0001");

        @Test
        void isTheCitizensAndScheduledForTheStartOfTheDayAfterItsLastDay() {
            fixture.givenNoPriorActivity()
                    .when(open(Paragraph.SEL85, Outcome.GRANTED, LEJRE, DECIDED))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintWindowOpened.class))
                            .extracting(ComplaintWindowOpened::deadline)
                            .containsExactly(new Deadline(window, DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW, lastDay,
                                    Party.CITIZEN, null))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 9, 30)),
                            "deadline:grant-00000001/complaint-window/decision-0001");
        }

        @Test
        void closesWhenTheDayAfterItsLastDayBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.GRANTED, LEJRE, DECIDED))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 9, 30)))
                    .expectEvents(new ComplaintWindowClosed(GRANT, CASE, DECISION, window,
                            "the complaint window passed without a complaint"));
        }

        @Test
        void aComplaintCancelsItsScheduleAndALateDeliveryChangesNothing() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(complaint(COMPLAINT, DECISION, COMPLAINED))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintWindowClosed.class))
                            .containsExactly(new ComplaintWindowClosed(GRANT, CASE, DECISION, window,
                                    "complaint received on 2025-09-15"))))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 9, 30)), Deadline.scheduleName(window));
            fixture.given(rejectionComplainedAbout())
                    .whenInvoking(GRANT.value(), reached(window, lastDay))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("RECONSIDERATION (COMPLAINT-RECONSIDER)")
    class Reconsideration {

        /** Four weeks after the complaint of 15 September. */
        private final LocalDate due = LocalDate.of(2025, 10, 13);
        private final DeadlineId deadline = DeadlineId.of("grant-00000001/reconsideration/complaint-1");

        @Test
        void isTheMunicipalitysAndScheduledForTheStartOfItsDate() {
            fixture.given(rejection())
                    .when(complaint(COMPLAINT, DECISION, COMPLAINED))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                            .containsExactly(new ReconsiderationDeadlineSet(GRANT, CASE, COMPLAINT, new Deadline(deadline,
                                    DeadlineKind.RECONSIDERATION, RuleId.COMPLAINT_RECONSIDER, due, Party.MUNICIPALITY, null)))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:grant-00000001/reconsideration/complaint-1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGiven(rejection())
                    .andGivenCommands(complaint(COMPLAINT, DECISION, COMPLAINED))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new ReconsiderationDue(GRANT, CASE, COMPLAINT, deadline, due));
        }

        @Test
        void theReconsiderationCancelsItsScheduleAndALateDeliveryChangesNothing() {
            fixture.given(rejection())
                    .andGivenCommands(complaint(COMPLAINT, DECISION, COMPLAINED))
                    .when(upheld(COMPLAINT, RECONSIDERED))
                    .expectEventsMatching(payloads(events -> assertThat(events).first()
                            .isEqualTo(reconsidered(COMPLAINT, RECONSIDERED, ReconsiderationOutcome.UPHELD, "the decision stands"))))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(deadline));
            fixture.given(rejectionComplainedAbout())
                    .andGiven(reconsidered(COMPLAINT, RECONSIDERED, ReconsiderationOutcome.UPHELD, "the decision stands"),
                            escalated(COMPLAINT, DECISION, RECONSIDERED, RuleId.APPEAL_OUTCOME, LocalDate.of(2025, 12, 1)))
                    .whenInvoking(GRANT.value(), reached(deadline, due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("ESCALATION (APPEAL-OUTCOME)")
    class Escalation {

        /** Eight weeks after the complaint was sent to Ankestyrelsen on 6 October. */
        private final LocalDate expected = LocalDate.of(2025, 12, 1);
        private final DeadlineId deadline = DeadlineId.of("grant-00000001/escalation/complaint-1");
        private final RecordAppealDecision appealDecided = new RecordAppealDecision(GRANT, COMPLAINT, AppealOutcome.UPHELD,
                LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "ANK-25-123");

        @Test
        void isTheMunicipalitysAndScheduledForTheStartOfItsDate() {
            fixture.given(rejectionComplainedAbout())
                    .when(upheld(COMPLAINT, RECONSIDERED))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class))
                            .extracting(ComplaintEscalatedToAnkestyrelsen::deadline)
                            .containsExactly(new Deadline(deadline, DeadlineKind.ESCALATION, RuleId.APPEAL_OUTCOME, expected,
                                    Party.MUNICIPALITY, null))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(expected), "deadline:grant-00000001/escalation/complaint-1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGiven(rejectionComplainedAbout())
                    .andGivenCommands(upheld(COMPLAINT, RECONSIDERED))
                    .whenTimeAdvancesTo(Copenhagen.startOf(expected))
                    .expectEvents(new AppealDecisionOverdue(GRANT, CASE, COMPLAINT, deadline, expected));
        }

        @Test
        void theAppealDecisionCancelsItsScheduleAndALateDeliveryChangesNothing() {
            AppealDecided decided = new AppealDecided(GRANT, CASE, APPLICATION, COMPLAINT, DECISION, AppealOutcome.UPHELD,
                    LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "ANK-25-123", deadline);
            fixture.given(rejectionComplainedAbout())
                    .andGivenCommands(upheld(COMPLAINT, RECONSIDERED))
                    .when(appealDecided)
                    .expectEvents(decided)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(expected), Deadline.scheduleName(deadline));
            fixture.given(rejectionComplainedAbout())
                    .andGiven(reconsidered(COMPLAINT, RECONSIDERED, ReconsiderationOutcome.UPHELD, "the decision stands"),
                            escalated(COMPLAINT, DECISION, RECONSIDERED, RuleId.APPEAL_OUTCOME, expected), decided)
                    .whenInvoking(GRANT.value(), reached(deadline, expected))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("NOTICE_EFFECTIVE (NOTICE-3A-14W)")
    class NoticeEffective {

        private final LocalDate decided = LocalDate.of(2025, 12, 29);
        /** 14 weeks after receipt on 29 December 2025, past Easter 2026. */
        private final LocalDate effective = LocalDate.of(2026, 4, 7);
        private final DeadlineId deadline = DeadlineId.of("grant-00000001/effect/decision-0002");

        private final List<Object> bpa = List.of(granted(Paragraph.SEL96, DECIDED, Terms.sel85().build()),
                windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)));

        @Test
        void isTheMunicipalitysAndScheduledForTheStartOfItsDate() {
            fixture.given(bpa)
                    .when(reduce(decided, null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionNoticeGiven.class))
                            .containsExactly(new ReductionNoticeGiven(GRANT, CASE, REDUCTION, decided, new Deadline(deadline,
                                    DeadlineKind.NOTICE_EFFECTIVE, RuleId.NOTICE_3A_14W, effective, Party.MUNICIPALITY, null)))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(effective), "deadline:grant-00000001/effect/decision-0002");
        }

        @Test
        void takesEffectWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGiven(bpa)
                    .andGivenCommands(reduce(decided, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class))
                            .extracting(ReductionTookEffect::effectiveOn, ReductionTookEffect::deadlineId)
                            .containsExactly(tuple(effective, deadline))));
        }

        @Test
        void aRevocationCancelsItsScheduleAndADeliveryAfterTheEffectChangesNothing() {
            LocalDate reducedOn = LocalDate.of(2025, 10, 1);
            LocalDate afterNotice = LocalDate.of(2026, 1, 7);
            // Commands from the reduction on: its schedule must exist to be cancelled by the revocation.
            fixture.given(bpa)
                    .andGivenCommands(reduce(reducedOn, null), complaint(COMPLAINT, REDUCTION, LocalDate.of(2025, 10, 20)))
                    .when(new ReconsiderComplaint(GRANT, COMPLAINT, LocalDate.of(2025, 10, 27), ReconsiderationOutcome.CHANGED_IN_FAVOUR,
                            "the need is unchanged", CHANGE, null, null, null, null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, DecisionRevoked.class))
                            .extracting(DecisionRevoked::decisionId, DecisionRevoked::deadlineId)
                            .containsExactly(tuple(REDUCTION, deadline))))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(afterNotice), Deadline.scheduleName(deadline));
            fixture.given(bpa)
                    .andGiven(reduced(Paragraph.SEL96, REDUCTION, reducedOn, afterNotice, Terms.sel85().build(), RuleId.NOTICE_3A_14W),
                            windowOpened(REDUCTION, reducedOn, LocalDate.of(2025, 10, 29)),
                            noticeGiven(REDUCTION, reducedOn, RuleId.NOTICE_3A_14W, afterNotice),
                            new ReductionTookEffect(GRANT, CASE, REDUCTION, afterNotice, Terms.sel85().build(), deadline))
                    .whenInvoking(GRANT.value(), reached(deadline, afterNotice))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("SHELTER_NOTIFICATION (SHELTER-NOTIFY)")
    class ShelterNotification {

        private final LocalDate grantedOn = LocalDate.of(2025, 4, 15);
        private final LocalDate admitted = LocalDate.of(2025, 4, 16);
        /** 3 hverdage after admission, past Easter 2025: the shelter's notice is in time until the end of that day. */
        private final LocalDate lastDay = LocalDate.of(2025, 4, 24);
        private final DeadlineId deadline = DeadlineId.of("grant-00000001/shelter-admission");

        private final List<Object> stay = List.of(granted(Paragraph.SEL110, LocalDate.of(2025, 4, 15), Terms.sel85().build()),
                windowOpened(DECISION, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 5, 13)));

        @Test
        void isTheSheltersAndScheduledForTheStartOfTheDayAfterItsLastDay() {
            fixture.given(stay)
                    .when(new StartService(GRANT, admitted, null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationDue.class).stream()
                                    .filter(n -> n.kind() == ShelterNotice.ADMISSION))
                            .containsExactly(new ShelterNotificationDue(GRANT, CASE, ShelterNotice.ADMISSION, new Deadline(deadline,
                                    DeadlineKind.SHELTER_NOTIFICATION, RuleId.SHELTER_NOTIFY, lastDay, Party.THIRD_PARTY, null)))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 4, 25)),
                            "deadline:grant-00000001/shelter-admission");
        }

        @Test
        void isOverdueWhenTheDayAfterItsLastDayBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(grantedOn))
                    .andGiven(stay)
                    .andGivenCommands(new StartService(GRANT, admitted, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 4, 25)))
                    // The contact within the stay's first three days (Saturday 19 April) passed first.
                    .expectEvents(new ShelterNotificationOverdue(GRANT, CASE, DeadlineId.of("grant-00000001/shelter-contact"),
                                    LocalDate.of(2025, 4, 19)),
                            new ShelterNotificationOverdue(GRANT, CASE, deadline, lastDay));
        }

        @Test
        void theNoticeCancelsItsScheduleAndALateDeliveryChangesNothing() {
            ShelterNotified notified = new ShelterNotified(GRANT, CASE, ShelterNotice.ADMISSION, LocalDate.of(2025, 4, 23), false,
                    deadline);
            fixture.given(stay)
                    .andGivenCommands(new StartService(GRANT, admitted, null))
                    .when(new RecordShelterNotification(GRANT, ShelterNotice.ADMISSION, LocalDate.of(2025, 4, 23)))
                    .expectEvents(notified)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 4, 25)), Deadline.scheduleName(deadline));
            fixture.given(stay)
                    .andGiven(started(Paragraph.SEL110, admitted), shelterNoticeDue(ShelterNotice.ADMISSION, lastDay), notified)
                    .whenInvoking(GRANT.value(), reached(deadline, lastDay))
                    .expectNoEvents();
        }
    }
}
