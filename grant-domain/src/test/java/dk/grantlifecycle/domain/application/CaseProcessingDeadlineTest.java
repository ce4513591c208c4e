package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.InformCitizenOfDelay;
import dk.grantlifecycle.domain.application.ApplicationCommands.ReopenAfterRemittal;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineReached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRemitted;
import dk.grantlifecycle.domain.application.ApplicationEvent.CitizenInformedOfDelay;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.decision.Fact.RECEIVES_STATE_PENSION;
import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.COMPLAINT;
import static dk.grantlifecycle.domain.support.GrantEvents.rejectedOutcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-processing deadline from receipt to decision: reached, replaced by a letter to the
 * citizen, closed by a decision or a referral, and set again when Ankestyrelsen remits the case.
 * A test that watches a schedule receives the application as a command: only a command's
 * schedule reaches the fixture's deadline manager.
 */
class CaseProcessingDeadlineTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    /** 5 weeks after receipt on Monday 4 March 2024 (CASE-DEADLINE, Lejre). */
    private static final LocalDate DUE = LocalDate.of(2024, 4, 8);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    @Test
    @DisplayName("CASE-DEADLINE-LETTER: a deadline reached without a decision fires, and the letter sets the new date")
    void deadlineReachedThenCitizenInformed() {
        // Received as a command in both parts: the first watches its schedule fire, the second watches it replaced.
        fixture.givenCurrentTime(Copenhagen.startOf(MONDAY_2024))
                .andGivenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                .whenTimeAdvancesTo(Copenhagen.startOf(DUE))
                .expectEvents(new CaseProcessingDeadlineReached(APPLICATION, caseDeadline(1), DUE, RuleId.CASE_DEADLINE))
                .expectTriggeredDeadlinesWithName(Deadline.scheduleName(caseDeadline(1)));

        LocalDate expected = LocalDate.of(2024, 4, 29);
        fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                .when(new InformCitizenOfDelay(APPLICATION, DUE, expected, "awaiting the doctor's statement"))
                .expectEvents(new CitizenInformedOfDelay(APPLICATION, caseDeadline(1), DUE, expected, "awaiting the doctor's statement"),
                        caseDeadlineSet(2, RuleId.CASE_DEADLINE_LETTER, expected))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(expected), Deadline.scheduleName(caseDeadline(2)))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(DUE), Deadline.scheduleName(caseDeadline(1)));
    }

    @Test
    @DisplayName("CASE-DEADLINE: a decision closes the deadline, which then never fires")
    void decisionClosesTheDeadline() {
        // Commands: the test shows that the schedule made at receipt is cancelled by the decision.
        fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(decide(LocalDate.of(2024, 3, 18), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ApplicationDecided.class).get(0)
                        .closedDeadlineIds()).containsExactly(caseDeadline(1))))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("CASE-DEADLINE: a deadline payload for a closed deadline is ignored")
    void staleDeadlineIsIgnored() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2),
                        decided(LocalDate.of(2024, 3, 18), List.of(caseDeadline(1))))
                .whenInvoking(APPLICATION.value(), a -> a.deadlineReached(new DeadlinePayload(caseDeadline(1).value(), DUE)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("CASE-REMITTED: a remitted case reopens with a new case-processing deadline from receipt of Ankestyrelsen's decision")
    void remittedCaseReopens() {
        LocalDate received = LocalDate.of(2024, 9, 2);
        LocalDate due = LocalDate.of(2024, 10, 7);
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2),
                        decided(LocalDate.of(2024, 3, 18), List.of(caseDeadline(1)),
                                rejectedOutcome(Paragraph.SEL85, "the need is met by the drop-in centre")))
                .when(new ReopenAfterRemittal(APPLICATION, received, "ANK-2024-17", GRANT, COMPLAINT))
                .expectEvents(new CaseRemitted(APPLICATION, received, "ANK-2024-17", GRANT, COMPLAINT),
                        caseDeadlineSet(2, RuleId.CASE_REMITTED, due))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(caseDeadline(2)));
    }

    @Test
    @DisplayName("CASE-REMITTED: Ankestyrelsen's decision is needed to reopen a case")
    void remittalNeedsItsReceiptDate() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE))
                .when(new ReopenAfterRemittal(APPLICATION, null, "x", GRANT, COMPLAINT))
                .expectException(violationOf("CASE-REMITTED", "receivedOn"));
    }

    @Test
    @DisplayName("CASE-REMITTED: a remittal on a complaint already remitted changes nothing, so a repeated message reopens once")
    void remittalOnTheSameComplaintIsRecordedOnce() {
        LocalDate received = LocalDate.of(2024, 9, 2);
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE),
                        decided(LocalDate.of(2024, 3, 18), List.of(caseDeadline(1)),
                                rejectedOutcome(Paragraph.SEL85, "the need is met by the drop-in centre")),
                        new CaseRemitted(APPLICATION, received, "ANK-2024-17", GRANT, COMPLAINT),
                        caseDeadlineSet(2, RuleId.CASE_REMITTED, LocalDate.of(2024, 10, 7)))
                .when(new ReopenAfterRemittal(APPLICATION, received, "ANK-2024-17", GRANT, COMPLAINT))
                .expectNoEvents();
    }

    @Test
    @DisplayName("CASE-REMITTED: an application still being processed cannot be remitted")
    void anOpenApplicationIsNotRemitted() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE))
                .when(new ReopenAfterRemittal(APPLICATION, LocalDate.of(2024, 9, 2), "ANK-2024-17", GRANT, COMPLAINT))
                .expectException(InvalidState.class)
                .expectNoEvents();
    }

    @Test
    void aCaseIsDecidedOnce() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, DUE),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2),
                        decided(LocalDate.of(2024, 3, 18), List.of(caseDeadline(1))))
                .when(decide(LocalDate.of(2024, 3, 25), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(InvalidState.class);
    }
}
