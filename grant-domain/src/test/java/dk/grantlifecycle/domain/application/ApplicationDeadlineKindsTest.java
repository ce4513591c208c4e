package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.HearCitizen;
import dk.grantlifecycle.domain.application.ApplicationCommands.NoteTreatmentStarted;
import dk.grantlifecycle.domain.application.ApplicationCommands.RecordHearingAnswer;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineReached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentGuaranteeBreached;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentGuaranteeSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentStarted;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswered;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's deadline kinds through its {@code Deadlines} member: each is recorded in its
 * opening event with its party and due date, scheduled under its own name at the start of its
 * date (the municipality's) or of the day after its last day (the citizen's), fires its event
 * when reached, and once closed its schedule is cancelled and a late delivery changes nothing.
 * A test that watches a schedule gives the command that makes it: only a command's schedule
 * reaches the fixture's deadline manager.
 */
class ApplicationDeadlineKindsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2024, 3, 4);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    /** The application's deadline handler, called as the scheduler calls it. */
    private static Consumer<Application> reached(DeadlineId deadline, LocalDate dueOn) {
        return application -> application.deadlineReached(new DeadlinePayload(deadline.value(), dueOn));
    }

    @Nested
    @DisplayName("CASE_PROCESSING (CASE-DEADLINE)")
    class CaseProcessing {

        /** 5 weeks after receipt in Lejre: the municipality must decide by then. */
        private final LocalDate due = LocalDate.of(2024, 4, 8);

        @Test
        void isTheMunicipalitysAndScheduledForTheStartOfItsDate() {
            fixture.givenNoPriorActivity()
                    .when(receive(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseProcessingDeadlineSet.class))
                            .extracting(CaseProcessingDeadlineSet::deadline)
                            .containsExactly(new Deadline(DeadlineId.of("application-0001/case-processing/1"),
                                    DeadlineKind.CASE_PROCESSING, RuleId.CASE_DEADLINE, due, Party.MUNICIPALITY, null))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), "deadline:application-0001/case-processing/1");
        }

        @Test
        void firesWhenItsDateBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(RECEIVED))
                    .andGivenCommands(receive(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE")))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new CaseProcessingDeadlineReached(APPLICATION, caseDeadline(1), due, RuleId.CASE_DEADLINE));
        }

        @Test
        void aDecisionCancelsItsScheduleAndALateDeliveryChangesNothing() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(RECEIVED, "SOCIAL_LIFE", 2))
                    .when(decide(LocalDate.of(2024, 3, 18), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ApplicationDecided.class).get(0)
                            .closedDeadlineIds()).containsExactly(caseDeadline(1))))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(caseDeadline(1)));
            fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE")),
                            caseDeadlineSet(1, RuleId.CASE_DEADLINE, due),
                            decided(LocalDate.of(2024, 3, 18), List.of(caseDeadline(1))))
                    .whenInvoking(APPLICATION.value(), reached(caseDeadline(1), due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("TREATMENT_GUARANTEE (SEL101-GUARANTEE)")
    class TreatmentGuarantee {

        /** Received Monday 4 March 2024; "senest 14 dage efter": treatment may start as late as Monday 18 March. */
        private final LocalDate due = LocalDate.of(2024, 3, 18);

        @Test
        void isTheMunicipalitysAndScheduledForTheEndOfItsLastDay() {
            fixture.givenNoPriorActivity()
                    .when(receive(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, TreatmentGuaranteeSet.class))
                            .extracting(TreatmentGuaranteeSet::deadline)
                            .containsExactly(new Deadline(DeadlineId.of("application-0001/treatment-guarantee"),
                                    DeadlineKind.TREATMENT_GUARANTEE, RuleId.SEL101_GUARANTEE, due, Party.MUNICIPALITY, null))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2024, 3, 19)),
                            "deadline:application-0001/treatment-guarantee");
        }

        @Test
        @DisplayName("SEL101-GUARANTEE: not breached during day 14, Monday 18 March 2024, up to 23:59")
        void notBreachedOnDay14() {
            fixture.givenCurrentTime(Copenhagen.startOf(RECEIVED))
                    .andGivenCommands(receive(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due).plusSeconds(23 * 3600 + 59 * 60))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("SEL101-GUARANTEE: breached when Tuesday 19 March 2024 begins")
        void breachedWhenDay15Begins() {
            fixture.givenCurrentTime(Copenhagen.startOf(RECEIVED))
                    .andGivenCommands(receive(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2024, 3, 19)))
                    .expectEvents(new TreatmentGuaranteeBreached(APPLICATION, treatmentGuarantee(), due));
        }

        @Test
        @DisplayName("SEL101-GUARANTEE: treatment started on day 14 meets the guarantee")
        void startOnDay14MeetsIt() {
            fixture.givenCurrentTime(Copenhagen.startOf(RECEIVED))
                    .andGivenCommands(receive(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")))
                    .when(new NoteTreatmentStarted(APPLICATION, due))
                    .expectEvents(new TreatmentStarted(APPLICATION, treatmentGuarantee(), due));
        }

        @Test
        void theStartOfTreatmentCancelsItsScheduleAndALateDeliveryChangesNothing() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")))
                    .when(new NoteTreatmentStarted(APPLICATION, LocalDate.of(2024, 3, 13)))
                    .expectEvents(new TreatmentStarted(APPLICATION, treatmentGuarantee(), LocalDate.of(2024, 3, 13)))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2024, 3, 19)),
                            Deadline.scheduleName(treatmentGuarantee()));
            fixture.given(received(LEJRE, Paragraph.SEL101, RECEIVED, service("AMBULANT", "HEALTH")),
                            treatmentGuaranteeSet(due),
                            new TreatmentStarted(APPLICATION, treatmentGuarantee(), LocalDate.of(2024, 3, 13)))
                    .whenInvoking(APPLICATION.value(), reached(treatmentGuarantee(), due))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("HEARING_ANSWER (HEARING)")
    class HearingAnswer {

        private final HearingId hearing = HearingId.of("hearing-1");
        private final LocalDate sent = LocalDate.of(2024, 3, 11);
        /** 14 days after the hearing was sent: the citizen may answer until the end of that day. */
        private final LocalDate lastDay = LocalDate.of(2024, 3, 25);
        private final HearCitizen hear = new HearCitizen(APPLICATION, hearing, sent, null, "statement from the landlord", null);

        private final List<Object> application = List.of(received(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE")),
                caseDeadlineSet(1, RuleId.CASE_DEADLINE, LocalDate.of(2024, 4, 8)));

        @Test
        void isTheCitizensAndScheduledForTheStartOfTheDayAfterItsLastDay() {
            fixture.given(application)
                    .when(hear)
                    .expectEvents(new HearingRequested(CASE, "application-0001", hearing, sent, "statement from the landlord",
                            new Deadline(DeadlineId.of("application-0001/hearing/hearing-1"), DeadlineKind.HEARING_ANSWER,
                                    RuleId.HEARING, lastDay, Party.CITIZEN, null), sent))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2024, 3, 26)),
                            "deadline:application-0001/hearing/hearing-1");
        }

        @Test
        void passesWhenTheDayAfterItsLastDayBegins() {
            fixture.givenCurrentTime(Copenhagen.startOf(sent))
                    .andGiven(application)
                    .andGivenCommands(hear)
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2024, 3, 26)))
                    .expectEvents(new HearingAnswerDeadlinePassed(CASE, APPLICATION.value(), hearing, lastDay,
                            hearingDeadline(hearing)));
        }

        @Test
        void theAnswerCancelsItsScheduleAndALateDeliveryChangesNothing() {
            fixture.given(application)
                    .andGivenCommands(hear)
                    .when(new RecordHearingAnswer(APPLICATION, hearing, LocalDate.of(2024, 3, 14), "it is not true"))
                    .expectEvents(new HearingAnswered(CASE, APPLICATION.value(), hearing, LocalDate.of(2024, 3, 14), "it is not true",
                            hearingDeadline(hearing)))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2024, 3, 26)),
                            Deadline.scheduleName(hearingDeadline(hearing)));
            fixture.given(application)
                    .andGiven(hearingRequested(hearing, sent, "statement from the landlord", lastDay),
                            hearingAnswered(hearing, LocalDate.of(2024, 3, 14), "it is not true"))
                    .whenInvoking(APPLICATION.value(), reached(hearingDeadline(hearing), lastDay))
                    .expectNoEvents();
        }
    }
}
