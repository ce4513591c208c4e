package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.grant.GrantCommands.HearCitizen;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordHearingAnswer;
import dk.grantlifecycle.domain.grant.GrantCommands.ReduceScope;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeReduced;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.InvalidState;
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
import static dk.grantlifecycle.domain.support.GrantCases.reduce;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the citizen in a later decision on a grant: its content (DECISION-CONTENT), when
 * it counts as received (RECEIPT), and the hearing before a decision against the citizen on facts
 * not yet seen (HEARING).
 */
class ContentHearingReceiptTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final LocalDate HEARD = LocalDate.of(2025, 10, 1);
    /** 14 days after the hearing was sent: the usual time to answer. */
    private static final LocalDate ANSWER_DUE = LocalDate.of(2025, 10, 15);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** A § 85 grant of 1 September 2025, its complaint window running. */
    private static List<Object> section85Grant() {
        return List.of(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()),
                windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)));
    }

    private static HearCitizen hear() {
        return new HearCitizen(GRANT, HEARING, HEARD, null, "the provider's report", null);
    }

    @Test
    @DisplayName("DECISION-CONTENT: a reduction is not recorded without reasons and complaint guidance")
    void reductionNeedsContent() {
        fixture.given(section85Grant())
                .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null, null, null, false, null, null))
                .expectException(violationOf("DECISION-CONTENT", "content"))
                .expectNoEvents();
        fixture.given(section85Grant())
                .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null,
                        new DecisionContent("SEL § 85", "d", "f", null), null, false, null, null))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
    }

    @Test
    @DisplayName("DECISION-CONTENT: the complaint guidance names the deadline, counted from receipt")
    void guidanceNamesTheDeadline() {
        fixture.given(section85Grant())
                .when(reduce(LocalDate.of(2025, 11, 28), null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).content()
                        .complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 12, 29))));
    }

    @Test
    @DisplayName("RECEIPT: a decision sent on paper counts as received 5 hverdage later; the complaint window runs from then")
    void paperReceipt() {
        fixture.given(section85Grant())
                .when(new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 12, 22), Terms.sel85().build(), null, content(),
                        new Delivery(DeliveryChannel.PAPER, LocalDate.of(2025, 12, 22), null), false, null, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ScopeReduced.class).get(0).receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 12, 31));
                    assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn())
                            .isEqualTo(LocalDate.of(2026, 1, 28));
                }));
    }

    @Test
    @DisplayName("HEARING: a decision against the citizen on facts not seen waits until the citizen is heard")
    void hearingBeforeReduction() {
        ReduceScope onUnseenFacts = new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 10, 20), Terms.sel85().build(), null,
                content(), null, true, HEARING, null);
        fixture.given(section85Grant())
                .when(onUnseenFacts)
                .expectException(violationOf("HEARING", "hearingId"));
        fixture.given(section85Grant())
                .when(hear())
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement().isInstanceOfSatisfying(
                        HearingRequested.class, h -> assertThat(h.deadline().dueOn()).isEqualTo(ANSWER_DUE))));
        fixture.given(section85Grant())
                .andGiven(hearingRequested(HEARING, HEARD, "the provider's report", ANSWER_DUE))
                .when(onUnseenFacts)
                .expectException(violationOf("HEARING"));
        fixture.given(section85Grant())
                .andGiven(hearingRequested(HEARING, HEARD, "the provider's report", ANSWER_DUE),
                        hearingAnswered(HEARING, LocalDate.of(2025, 10, 10), "I see it differently"))
                .when(onUnseenFacts)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("HEARING: without an answer, the decision may follow when the answer deadline has passed")
    void hearingDeadlinePasses() {
        // The hearing is requested by a command: the answer deadline it schedules is what passes.
        fixture.givenCurrentTime(Copenhagen.startOf(HEARD))
                .andGiven(section85Grant())
                .andGivenCommands(hear())
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 16)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, HearingAnswerDeadlinePassed.class))
                        .singleElement().satisfies(h -> assertThat(h.answerDueOn()).isEqualTo(ANSWER_DUE))));
    }

    @Test
    @DisplayName("HEARING: the citizen's answer is recorded once; a second answer to the same hearing is refused")
    void aHearingIsAnsweredOnce() {
        fixture.given(section85Grant())
                .andGiven(hearingRequested(HEARING, HEARD, "the provider's report", ANSWER_DUE),
                        hearingAnswered(HEARING, LocalDate.of(2025, 10, 10), "I see it differently"))
                .when(new RecordHearingAnswer(GRANT, HEARING, LocalDate.of(2025, 10, 12), "and one more thing"))
                .expectException(InvalidState.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("HEARING: an answer is not dated before the hearing was sent")
    void anAnswerIsNotDatedBeforeTheHearing() {
        fixture.given(section85Grant())
                .andGiven(hearingRequested(HEARING, HEARD, "the provider's report", ANSWER_DUE))
                .when(new RecordHearingAnswer(GRANT, HEARING, LocalDate.of(2025, 9, 30), "I see it differently"))
                .expectException(violationOf("HEARING", "answeredOn"))
                .expectNoEvents();
        fixture.given(section85Grant())
                .andGiven(hearingRequested(HEARING, HEARD, "the provider's report", ANSWER_DUE))
                .when(new RecordHearingAnswer(GRANT, HEARING, HEARD, "I see it differently"))
                .expectEvents(hearingAnswered(HEARING, HEARD, "I see it differently"));
    }
}
