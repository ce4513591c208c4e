package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.DecisionContent.ComplaintGuidance;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.grant.GrantCommands.ReduceScope;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeReduced;
import dk.grantlifecycle.domain.shared.Paragraph;
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
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the decision letter tells the citizen about complaining is checked against the law: a
 * deadline may not be earlier than 4 weeks from receipt (DEADLINE-COUNT), and when the receipt is
 * not known when the letter is written (paper post), the letter states the rule, not a date.
 */
class DecisionLetterTest {

    /** Sent by Digital Post Friday 19 December 2025: received that day; 4 weeks end Friday 16 January 2026. */
    private static final LocalDate SENT = LocalDate.of(2025, 12, 19);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static ReduceScope reduction(LocalDate statedDeadline, Delivery delivery) {
        DecisionContent c = content();
        DecisionContent stated = new DecisionContent(c.legalRules(), c.discretion(), c.facts(),
                new ComplaintGuidance(c.complaintGuidance().where(), c.complaintGuidance().how(), statedDeadline, null));
        return new ReduceScope(GRANT, REDUCTION, SENT, Terms.sel85().goals("fewer hours").build(), null, stated, delivery, false, null, null);
    }

    @Test
    @DisplayName("DECISION-CONTENT, DEADLINE-COUNT: a letter telling the citizen 1 week, on 2. juledag, is refused")
    void deadlineEarlierThanTheLawsIsRefused() {
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(LocalDate.of(2025, 12, 26), Delivery.digitalPost(SENT)))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance.deadline"));
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(LocalDate.of(2026, 1, 15), Delivery.digitalPost(SENT)))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance.deadline"));
    }

    @Test
    @DisplayName("DECISION-CONTENT: the law's own date is accepted, and a later date the letter promises becomes the window's end")
    void lawsDateOrLaterIsAccepted() {
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(LocalDate.of(2026, 1, 16), Delivery.digitalPost(SENT)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn())
                        .isEqualTo(LocalDate.of(2026, 1, 16))));
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(LocalDate.of(2026, 1, 19), Delivery.digitalPost(SENT)))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn())
                        .as("the citizen may rely on what the letter says").isEqualTo(LocalDate.of(2026, 1, 19))));
    }

    @Test
    @DisplayName("RECEIPT: sent on paper, receipt is not known when the letter is written; it states the rule instead of a date")
    void paperLetterStatesTheRule() {
        Delivery paper = new Delivery(DeliveryChannel.PAPER, SENT, null);
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(null, paper))
                .expectEventsMatching(payloads(events -> {
                    ComplaintGuidance g = ofType(events, ScopeReduced.class).get(0).content().complaintGuidance();
                    assertThat(g.deadline()).isNull();
                    assertThat(g.deadlineRule()).isEqualTo("4 uger fra du har modtaget afgørelsen");
                }));
        fixture.given(granted(Paragraph.SEL85, LocalDate.of(2025, 9, 1), Terms.sel85().build()))
                .when(reduction(LocalDate.of(2026, 1, 30), paper))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance.deadline"));
    }
}
