package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordShelterNotification;
import dk.grantlifecycle.domain.grant.GrantCommands.StartService;
import dk.grantlifecycle.domain.grant.GrantCommands.TerminateGrant;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotificationDue;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotificationOverdue;
import dk.grantlifecycle.domain.grant.GrantEvent.ShelterNotified;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
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
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SHELTER-NOTIFY: a § 110 shelter tells the municipality of an admission and a discharge within 3 hverdage. */
class ShelterNoticeTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 4, 15);
    private static final LocalDate ADMITTED = LocalDate.of(2025, 4, 16);
    /** 3 hverdage after admission on Wednesday 16 April 2025, past skærtorsdag, langfredag and 2. påskedag. */
    private static final LocalDate ADMISSION_NOTICE_DUE = LocalDate.of(2025, 4, 24);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** A Lejre § 110 stay granted 15 April 2025. */
    private static List<Object> shelterStay() {
        return List.of(granted(Paragraph.SEL110, DECIDED, Terms.sel85().build()),
                windowOpened(DECISION, DECIDED, LocalDate.of(2025, 5, 13)));
    }

    @Test
    @DisplayName("SHELTER-NOTIFY: the shelter informs the municipality within 3 hverdage of admission, across Easter")
    void admissionNotice() {
        // The stay starts by a command: the notice deadline it schedules is what passes. First, as the
        // clock can only be set before anything is scheduled.
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGiven(shelterStay())
                .andGivenCommands(new StartService(GRANT, ADMITTED, null))
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 4, 25)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationOverdue.class))
                        .filteredOn(o -> o.deadlineId().value().endsWith("shelter-admission")).hasSize(1)));

        fixture.given(shelterStay())
                .when(new StartService(GRANT, ADMITTED, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationDue.class))
                        .filteredOn(n -> n.kind() == ShelterNotice.ADMISSION).singleElement()
                        .satisfies(n -> {
                            assertThat(n.kind()).isEqualTo(ShelterNotice.ADMISSION);
                            assertThat(n.deadline().dueOn()).isEqualTo(ADMISSION_NOTICE_DUE);
                        })));
        fixture.given(shelterStay())
                .andGiven(started(Paragraph.SEL110, ADMITTED), shelterNoticeDue(ShelterNotice.ADMISSION, ADMISSION_NOTICE_DUE))
                .when(new RecordShelterNotification(GRANT, ShelterNotice.ADMISSION, LocalDate.of(2025, 4, 23)))
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(ShelterNotified.class, n -> assertThat(n.late()).isFalse())));
    }

    @Test
    @DisplayName("SHELTER-NOTIFY: the § 110 shelter contacts Lejre within the first three days of the stay (002 § 110 section 13)")
    void contactWithinThreeDaysOfTheStay() {
        // Admitted Wednesday 16 April 2025: the first three days after are 17, 18 and 19 April
        // (skærtorsdag, langfredag, a Saturday). Calendar days, "de første tre dage", not hverdage:
        // the last day is Saturday 19 April 2025, not moved.
        LocalDate lastDay = LocalDate.of(2025, 4, 19);
        // Overdue when Sunday 20 April begins (the clock can only be set before anything is scheduled).
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGiven(shelterStay())
                .andGivenCommands(new StartService(GRANT, ADMITTED, null))
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 4, 20)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationOverdue.class))
                        .singleElement().satisfies(o -> assertThat(o.dueOn()).isEqualTo(lastDay))));
        // Due on Saturday 19 April, and not overdue before Sunday 20 April begins.
        fixture.given(shelterStay())
                .when(new StartService(GRANT, ADMITTED, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationDue.class))
                        .filteredOn(n -> n.kind() == ShelterNotice.CONTACT).singleElement()
                        .satisfies(n -> assertThat(n.deadline().dueOn()).isEqualTo(lastDay))))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2025, 4, 20)),
                        "deadline:grant-00000001/shelter-contact");
        // Contact on the last day is in time; on the day after it is late.
        fixture.given(shelterStay())
                .andGivenCommands(new StartService(GRANT, ADMITTED, null))
                .when(new RecordShelterNotification(GRANT, ShelterNotice.CONTACT, lastDay))
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(ShelterNotified.class, n -> assertThat(n.late()).isFalse())));
        fixture.given(shelterStay())
                .andGivenCommands(new StartService(GRANT, ADMITTED, null))
                .when(new RecordShelterNotification(GRANT, ShelterNotice.CONTACT, LocalDate.of(2025, 4, 20)))
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(ShelterNotified.class, n -> assertThat(n.late()).isTrue())));
    }

    @Test
    @DisplayName("SHELTER-NOTIFY: a discharge is notified within 3 hverdage too")
    void dischargeNotice() {
        fixture.given(shelterStay())
                .andGiven(started(Paragraph.SEL110, ADMITTED), shelterNoticeDue(ShelterNotice.ADMISSION, ADMISSION_NOTICE_DUE))
                .when(new TerminateGrant(GRANT, REDUCTION, LocalDate.of(2025, 12, 23), EndReason.CITIZEN_NO_LONGER_WANTS_IT, null,
                        null, content(), null, false, null, false, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, GrantEnded.class)).hasSize(1);
                    assertThat(ofType(events, ShelterNotificationDue.class)).singleElement().satisfies(n -> {
                        assertThat(n.kind()).isEqualTo(ShelterNotice.DISCHARGE);
                        assertThat(n.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 12, 30));
                    });
                }));
    }
}
