package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordReceipt;
import dk.grantlifecycle.domain.grant.GrantCommands.ReduceScope;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionReceiptRecorded;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionTookEffect;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RECEIPT confirmed after the letter was sent. A § 85 reduction decided Monday 23 February 2026 is
 * posted on paper that day and presumed received 5 hverdage later, Monday 2 March: its complaint
 * window would end Monday 30 March and the reduction take effect after 14 days' notice on Monday
 * 16 March. The letter system then confirms the real receipt.
 */
class ReceiptConfirmationTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 2, 23);
    private static final DeadlineId WINDOW = DeadlineId.of(GRANT, "complaint-window", REDUCTION);
    private static final DeadlineId EFFECT = DeadlineId.of(GRANT, "effect", REDUCTION);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private ResultValidator<Grant> confirmed(LocalDate receivedOn, String messageId, RecordReceipt... before) {
        ReduceScope onPaper = new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().goals("fewer hours").build(), null, content(),
                new Delivery(DeliveryChannel.PAPER, DECIDED, null), false, null, null);
        return fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .andGivenCommands(onPaper)
                .andGivenCommands((Object[]) before)
                .when(new RecordReceipt(GRANT, REDUCTION, DeliveryChannel.PAPER, receivedOn, messageId));
    }

    @Test
    @DisplayName("RECEIPT: presumed Monday 2 March 2026 for a letter posted Monday 23 February: window to 30 March, effect on 16 March")
    void presumedReceipt() {
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().goals("fewer hours").build(), null, content(),
                        new Delivery(DeliveryChannel.PAPER, DECIDED, null), false, null, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
                    assertThat(ofType(events, ReductionNoticeGiven.class).get(0).deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 16));
                }));
    }

    @Test
    @DisplayName("RECEIPT, COMPLAINT-WINDOW, DEADLINE-COUNT: received Thursday 5 March, the window's 4 weeks end on skærtorsdag "
            + "2 April and move past Easter to Tuesday 7 April; the reduction takes effect on Thursday 19 March")
    void laterReceiptMovesTheWindowAndTheEffect() {
        confirmed(LocalDate.of(2026, 3, 5), "msg-1")
                .expectEventsMatching(payloads(events -> {
                    DecisionReceiptRecorded r = ofType(events, DecisionReceiptRecorded.class).get(0);
                    assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
                    assertThat(r.movedDeadlines()).extracting(Deadline::id, Deadline::dueOn).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(WINDOW, LocalDate.of(2026, 4, 7)),
                            org.assertj.core.groups.Tuple.tuple(EFFECT, LocalDate.of(2026, 3, 19)));
                    assertThat(r.reductionFrom()).isEqualTo(LocalDate.of(2026, 3, 19));
                    assertThat(r.endsOn()).isNull();
                }))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 4, 8)), Deadline.scheduleName(WINDOW))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 3, 19)), Deadline.scheduleName(EFFECT))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 3, 16)), Deadline.scheduleName(EFFECT))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 3, 31)), Deadline.scheduleName(WINDOW));
    }

    @Test
    @DisplayName("RECEIPT: after the receipt moved the effect from Monday 16 to Thursday 19 March 2026, the message scheduled for "
            + "16 March (being delivered while the receipt cancelled it) changes nothing; the one for 19 March takes effect")
    void messageForTheDateBeforeAMoveChangesNothing() {
        ReduceScope onPaper = new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().goals("fewer hours").build(), null, content(),
                new Delivery(DeliveryChannel.PAPER, DECIDED, null), false, null, null);
        RecordReceipt receipt = new RecordReceipt(GRANT, REDUCTION, DeliveryChannel.PAPER, LocalDate.of(2026, 3, 5), "msg-1");
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .andGivenCommands(onPaper, receipt)
                .whenInvoking(GRANT.value(), reached(EFFECT, LocalDate.of(2026, 3, 16)))
                .expectNoEvents();
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .andGivenCommands(onPaper, receipt)
                .whenInvoking(GRANT.value(), reached(EFFECT, LocalDate.of(2026, 3, 19)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()));
    }

    /** The grant's deadline handler, called as the scheduler calls it with the message scheduled for {@code dueOn}. */
    private static java.util.function.Consumer<Grant> reached(DeadlineId deadline, LocalDate dueOn) {
        return grant -> grant.deadlineReached(new dk.grantlifecycle.domain.shared.DeadlinePayload(deadline.value(), dueOn),
                TestRules.FIXTURE, new org.axonframework.test.deadline.StubDeadlineManager());
    }

    @Test
    @DisplayName("RECEIPT: a receipt earlier than presumed (Wednesday 25 February) is recorded and moves nothing; the citizen keeps "
            + "what the presumption gave")
    void earlierReceiptMovesNothing() {
        confirmed(LocalDate.of(2026, 2, 25), "msg-1")
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, DecisionReceiptRecorded.class)).singleElement()
                        .satisfies(r -> assertThat(r.movedDeadlines()).isEmpty())))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 3, 16)), Deadline.scheduleName(EFFECT));
    }

    @Test
    @DisplayName("RECEIPT: the same confirmation again changes nothing; a different receipt for a confirmed decision is refused")
    void confirmedOnce() {
        RecordReceipt first = new RecordReceipt(GRANT, REDUCTION, DeliveryChannel.PAPER, LocalDate.of(2026, 3, 5), "msg-1");
        confirmed(LocalDate.of(2026, 3, 5), "msg-1", first).expectNoEvents();
        confirmed(LocalDate.of(2026, 3, 5), "msg-2", first).expectNoEvents();
        confirmed(LocalDate.of(2026, 3, 6), "msg-3", first).expectException(InvalidState.class).expectNoEvents();
    }

    @Test
    @DisplayName("RECEIPT: a decision is not received before it is made (Sunday 22 February), nor one the grant does not have")
    void refused() {
        confirmed(LocalDate.of(2026, 2, 22), "msg-1").expectException(violationOf("RECEIPT", "receivedOn"));
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(new RecordReceipt(GRANT, DecisionId.of("decision-9999"), DeliveryChannel.PAPER, LocalDate.of(2026, 3, 5), "m"))
                .expectException(InvalidState.class);
    }
}
