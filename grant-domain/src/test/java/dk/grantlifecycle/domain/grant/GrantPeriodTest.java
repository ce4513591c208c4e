package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.GrantCommands.IncreaseScope;
import dk.grantlifecycle.domain.grant.GrantCommands.OpenGrant;
import dk.grantlifecycle.domain.grant.GrantCommands.TerminateGrant;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantPeriodChanged;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantPeriodLifted;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantPeriodSet;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.grantedOutcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TEMPORARY-FIRST: a grant given for a limited period (terms.validUntil) runs through its last day
 * and then ends by itself, with an event and a deadline the queue shows until then; a decision can
 * extend it. A § 85 grant decided Monday 2 March 2026, valid until Tuesday 30 June 2026.
 */
class GrantPeriodTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 2);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
    private static final DeadlineId PERIOD = DeadlineId.of(GRANT, "period-end", null);
    private static final RuleSetVersion VERSION = new RuleSetVersion("lejre", LocalDate.of(2025, 10, 6), LocalDate.of(2018, 7, 1));

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static OpenGrant limited() {
        return new OpenGrant(GRANT, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION,
                grantedOutcome(Paragraph.SEL85, Terms.sel85().validUntil(LAST_DAY).build(), ActionPlanDuty.NOT_REQUIRED), content(),
                DECIDED);
    }

    @Test
    @DisplayName("TEMPORARY-FIRST: the period's last day, Tuesday 30 June 2026, is a deadline reached when Wednesday 1 July begins")
    void periodIsADeadline() {
        fixture.givenNoPriorActivity()
                .when(limited())
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantPeriodSet.class)).singleElement()
                        .satisfies(p -> {
                            assertThat(p.deadline().kind()).isEqualTo(DeadlineKind.GRANT_PERIOD_END);
                            assertThat(p.deadline().rule()).isEqualTo(RuleId.TEMPORARY_FIRST);
                            assertThat(p.deadline().dueOn()).isEqualTo(LAST_DAY);
                        })))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 7, 1)), Deadline.scheduleName(PERIOD));
    }

    @Test
    @DisplayName("TEMPORARY-FIRST: the grant still runs at 23:59 on Tuesday 30 June 2026")
    void runsThroughItsLastDay() {
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGivenCommands(limited())
                .whenTimeAdvancesTo(Copenhagen.startOf(LAST_DAY).plusSeconds(23 * 3600 + 59 * 60))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).isEmpty()));
    }

    @Test
    @DisplayName("TEMPORARY-FIRST: when Wednesday 1 July 2026 begins, the grant has ended on 30 June because its period ended")
    void endsByItself() {
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGivenCommands(limited())
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2026, 7, 1)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement().satisfies(e -> {
                    assertThat(e.endedOn()).isEqualTo(LAST_DAY);
                    assertThat(e.reason()).isEqualTo(EndReason.PERIOD_ENDED);
                    assertThat(e.deadlineId()).isEqualTo(PERIOD);
                })));
    }

    @Test
    @DisplayName("TEMPORARY-FIRST: a decision extending the grant to Thursday 31 December 2026 moves its end; one without an end lifts it")
    void extendedByDecision() {
        fixture.givenCommands(limited())
                .when(new IncreaseScope(GRANT, DecisionId.of("decision-0005"), LocalDate.of(2026, 6, 1),
                        Terms.sel85().validUntil(LocalDate.of(2026, 12, 31)).build(), true, null, null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantPeriodChanged.class)).singleElement()
                        .satisfies(c -> assertThat(c.movedDeadlines()).extracting(Deadline::dueOn).containsExactly(LocalDate.of(2026, 12, 31)))))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2027, 1, 1)), Deadline.scheduleName(PERIOD))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 7, 1)), Deadline.scheduleName(PERIOD));
        fixture.givenCommands(limited())
                .when(new IncreaseScope(GRANT, DecisionId.of("decision-0005"), LocalDate.of(2026, 6, 1), Terms.sel85().build(), true,
                        null, null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantPeriodLifted.class)).hasSize(1)))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 7, 1)), Deadline.scheduleName(PERIOD));
    }

    @Test
    @DisplayName("END-REASONS: a grant ended by decision before its period closes its period deadline; no decision ends a grant "
            + "\"because its period ended\"")
    void terminationClosesThePeriod() {
        fixture.givenCommands(limited())
                .when(new TerminateGrant(GRANT, DecisionId.of("decision-0006"), LocalDate.of(2026, 4, 1),
                        EndReason.CITIZEN_NO_LONGER_WANTS_IT, LocalDate.of(2026, 4, 1), null, content(), null, false, null, false, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, GrantEnded.class)).singleElement().satisfies(e -> assertThat(e.endedOn())
                            .isEqualTo(LocalDate.of(2026, 4, 1)));
                    assertThat(ofType(events, GrantPeriodLifted.class)).hasSize(1);
                }))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 7, 1)), Deadline.scheduleName(PERIOD));
        fixture.givenCommands(limited())
                .when(new TerminateGrant(GRANT, DecisionId.of("decision-0006"), LocalDate.of(2026, 4, 1), EndReason.PERIOD_ENDED, null,
                        null, content(), null, false, null, false, null))
                .expectException(violationOf("END-REASONS", "reason"));
    }
}
