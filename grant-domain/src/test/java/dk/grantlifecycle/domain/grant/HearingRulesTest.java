package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.grant.GrantCommands.HearCitizen;
import dk.grantlifecycle.domain.grant.GrantCommands.ReduceScope;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeReduced;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.HearingId;
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
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HEARING (Forvaltningsloven § 19): the citizen's time to answer runs from receipt of the hearing
 * letter and ends on a hverdag (DEADLINE-COUNT); it is at least the least period the law file gives
 * (7 days, an assumption: no statute fixes it); and a decision on facts the citizen has not seen
 * names the settled hearing that covered them.
 */
class HearingRulesTest {

    private static final String FACTS = "the provider's report of 10 December";

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static List<Object> grant() {
        return List.of(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()));
    }

    private static LocalDate answerDue(List<Object> events) {
        return ofType(events, HearingRequested.class).get(0).deadline().dueOn();
    }

    @Test
    @DisplayName("HEARING, DEADLINE-COUNT: sent by Digital Post Friday 12 December 2025, 14 days end on 2. juledag; the answer is due "
            + "Monday 29 December")
    void answerDeadlineMovesOffHolidays() {
        fixture.given(grant())
                .when(new HearCitizen(GRANT, HEARING, LocalDate.of(2025, 12, 12), null, FACTS, Delivery.digitalPost(LocalDate.of(2025, 12, 12))))
                .expectEventsMatching(payloads(events -> assertThat(answerDue(events)).isEqualTo(LocalDate.of(2025, 12, 29))));
    }

    @Test
    @DisplayName("HEARING, RECEIPT: sent on paper Tuesday 16 December 2025, received Tuesday 23 December; the answer is due Tuesday "
            + "6 January 2026, not 30 December")
    void answerDeadlineRunsFromReceipt() {
        fixture.given(grant())
                .when(new HearCitizen(GRANT, HEARING, LocalDate.of(2025, 12, 16), null, FACTS,
                        new Delivery(DeliveryChannel.PAPER, LocalDate.of(2025, 12, 16), null)))
                .expectEventsMatching(payloads(events -> {
                    assertThat(answerDue(events)).isEqualTo(LocalDate.of(2026, 1, 6));
                    assertThat(ofType(events, HearingRequested.class).get(0).receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 12, 23));
                }));
    }

    @Test
    @DisplayName("HEARING: received Friday 12 December 2025, the citizen gets at least 7 days: Thursday 18 December is refused, "
            + "Friday 19 December accepted")
    void leastTimeToAnswer() {
        fixture.given(grant())
                .when(new HearCitizen(GRANT, HEARING, LocalDate.of(2025, 12, 12), LocalDate.of(2025, 12, 18), FACTS, null))
                .expectException(violationOf("HEARING", "answerBy"))
                .expectNoEvents();
        fixture.given(grant())
                .when(new HearCitizen(GRANT, HEARING, LocalDate.of(2025, 12, 12), LocalDate.of(2025, 12, 19), FACTS, null))
                .expectEventsMatching(payloads(events -> assertThat(answerDue(events)).isEqualTo(LocalDate.of(2025, 12, 19))));
    }

    private static ReduceScope onUnseenFacts(HearingId heardIn) {
        return new ReduceScope(GRANT, REDUCTION, LocalDate.of(2026, 1, 12), Terms.sel85().goals("fewer hours").build(), null,
                content(), null, true, heardIn, null);
    }

    @Test
    @DisplayName("HEARING: a decision on facts the citizen has not seen names the hearing that covered them, and that hearing is settled")
    void decisionNamesTheHearing() {
        HearingId other = HearingId.of("hearing-2");
        List<Object> heard = List.of(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()),
                hearingRequested(HEARING, LocalDate.of(2025, 12, 12), FACTS, LocalDate.of(2025, 12, 29)),
                hearingAnswered(HEARING, LocalDate.of(2025, 12, 20), "I see it differently"),
                hearingRequested(other, LocalDate.of(2026, 1, 5), "the doctor's statement", LocalDate.of(2026, 1, 19)));
        fixture.given(heard).when(onUnseenFacts(null)).expectException(violationOf("HEARING", "hearingId"));
        fixture.given(heard).when(onUnseenFacts(HearingId.of("hearing-9"))).expectException(violationOf("HEARING", "hearingId"));
        fixture.given(heard).when(onUnseenFacts(other)).expectException(violationOf("HEARING", "hearingId"));
        fixture.given(heard).when(onUnseenFacts(HEARING))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).heardIn()).isEqualTo(HEARING)));
    }
}
