package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.grant.GrantCommands.IncreaseScope;
import dk.grantlifecycle.domain.grant.GrantCommands.IssueWrittenDecision;
import dk.grantlifecycle.domain.grant.GrantCommands.ReconsiderComplaint;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionChangedInFavour;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import dk.grantlifecycle.domain.grant.GrantEvent.ScopeIncreased;
import dk.grantlifecycle.domain.grant.GrantEvent.WrittenDecisionIssued;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
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
 * Every decision is sent and received, and its complaint window runs from the citizen's receipt
 * (RECEIPT, COMPLAINT-WINDOW): the § 99 written decision and a decision changed on reconsideration
 * as much as any other. A decision that gives less than asked states its reasons (DECISION-CONTENT).
 * Paper post counts as received 5 hverdage after posting (the fixture's law file).
 */
class DecisionReceiptTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final LocalDate COMPLAINED = LocalDate.of(2025, 9, 15);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static List<Object> rejectionComplainedAbout() {
        return List.of(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)),
                complaintReceived(COMPLAINT, DECISION, COMPLAINED, LocalDate.of(2025, 9, 29)),
                windowClosedByComplaint(DECISION, COMPLAINED),
                reconsiderationSet(COMPLAINT, RuleId.COMPLAINT_RECONSIDER, LocalDate.of(2025, 10, 13)));
    }

    private static Delivery paper(LocalDate sentOn) {
        return new Delivery(DeliveryChannel.PAPER, sentOn, null);
    }

    @Test
    @DisplayName("RECEIPT, COMPLAINT-WINDOW: a § 99 written decision posted Thursday 4 September 2025 is received Thursday 11 "
            + "September; its window ends Thursday 9 October, not 2 October")
    void writtenDecisionWindowFromReceipt() {
        LocalDate decided = LocalDate.of(2025, 9, 4);
        fixture.given(new OutreachContactStarted(GRANT, CaseId.ofOutreach(GRANT), LEJRE, null, decided, "street outreach",
                        new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1))))
                .when(new IssueWrittenDecision(GRANT, DECISION, decided, content(), paper(decided)))
                .expectEventsMatching(payloads(events -> {
                    WrittenDecisionIssued issued = ofType(events, WrittenDecisionIssued.class).get(0);
                    assertThat(issued.receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 9, 11));
                    assertThat(issued.content().complaintGuidance().deadline()).as("paper: the letter states the rule").isNull();
                    assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn()).isEqualTo(LocalDate.of(2025, 10, 9));
                }));
    }

    @Test
    @DisplayName("RECEIPT, COMPLAINT-WINDOW: a decision changed in favour on Wednesday 1 October 2025 and posted that day is "
            + "received Wednesday 8 October; the new decision's window ends Wednesday 5 November, not 29 October")
    void changedDecisionWindowFromReceipt() {
        LocalDate changedOn = LocalDate.of(2025, 10, 1);
        fixture.given(rejectionComplainedAbout())
                .when(new ReconsiderComplaint(GRANT, COMPLAINT, changedOn, ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information",
                        CHANGE, Terms.sel85().build(), null, null, paper(changedOn)))
                .expectEventsMatching(payloads(events -> {
                    DecisionChangedInFavour changed = ofType(events, DecisionChangedInFavour.class).get(0);
                    assertThat(changed.receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 10, 8));
                    assertThat(ofType(events, ComplaintWindowOpened.class)).singleElement().satisfies(w -> {
                        assertThat(w.decisionId()).isEqualTo(CHANGE);
                        assertThat(w.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 11, 5));
                    });
                }));
    }

    @Test
    @DisplayName("DECISION-CONTENT: a complaint upheld in part with new terms is a new decision not fully in favour: it states reasons "
            + "and complaint guidance; given them, its window runs from Monday 6 October to Monday 3 November and the rest goes on")
    void partialChangeStatesItsReasons() {
        LocalDate reconsidered = LocalDate.of(2025, 10, 6);
        List<String> material = List.of("decision letter", "complaint");
        fixture.given(rejectionComplainedAbout())
                .when(new ReconsiderComplaint(GRANT, COMPLAINT, reconsidered, ReconsiderationOutcome.PARTLY_UPHELD, "some help after all",
                        CHANGE, Terms.sel85().build(), material, null, null))
                .expectException(violationOf("DECISION-CONTENT", "content"));
        fixture.given(rejectionComplainedAbout())
                .when(new ReconsiderComplaint(GRANT, COMPLAINT, reconsidered, ReconsiderationOutcome.PARTLY_UPHELD, "some help after all",
                        CHANGE, Terms.sel85().build(), material, content(), Delivery.digitalPost(reconsidered)))
                .expectEventsMatching(payloads(events -> {
                    DecisionChangedInFavour changed = ofType(events, DecisionChangedInFavour.class).get(0);
                    assertThat(changed.content().complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 11, 3));
                    assertThat(ofType(events, ComplaintWindowOpened.class).get(0).deadline().dueOn()).isEqualTo(LocalDate.of(2025, 11, 3));
                    assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class)).hasSize(1);
                }));
    }

    @Test
    @DisplayName("DECISION-CONTENT: an increase that gives less than asked states reasons and guidance; one that gives all needs none; "
            + "which of the two it is must be said")
    void increaseLessThanAsked() {
        LocalDate increasedOn = LocalDate.of(2025, 10, 1);
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new IncreaseScope(GRANT, CHANGE, increasedOn, Terms.sel85().build(), false, null, null, null))
                .expectException(violationOf("DECISION-CONTENT", "content"));
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new IncreaseScope(GRANT, CHANGE, increasedOn, Terms.sel85().build(), null, null, null, null))
                .expectException(violationOf("DECISION-CONTENT", "asRequested"));
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new IncreaseScope(GRANT, CHANGE, increasedOn, Terms.sel85().build(), true, null, null, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeIncreased.class)).hasSize(1)));
    }
}
