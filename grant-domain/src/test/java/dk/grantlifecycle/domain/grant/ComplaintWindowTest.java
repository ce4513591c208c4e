package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.grant.GrantCommands.ReceiveComplaint;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintNotAppealable;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintReceived;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowClosed;
import dk.grantlifecycle.domain.grant.GrantEvent.ReconsiderationDeadlineSet;
import dk.grantlifecycle.domain.shared.Copenhagen;
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
import static dk.grantlifecycle.domain.support.GrantCases.complaint;
import static dk.grantlifecycle.domain.support.GrantCases.open;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMPLAINT-WINDOW: every decision of a grant line opens a window for a complaint, counted from
 * the citizen's receipt and running to the end of its last day; a complaint in any form closes it.
 */
class ComplaintWindowTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    /** Four weeks after receipt on Monday 1 September 2025. */
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 9, 29);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    @Test
    @DisplayName("COMPLAINT-WINDOW: a complaint within 4 weeks of receipt is on time; it closes the window and starts reconsideration")
    void complaintOnTime() {
        fixture.given(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LAST_DAY))
                .when(complaint(COMPLAINT, DECISION, LAST_DAY))
                .expectEventsMatching(payloads(events -> {
                    ComplaintReceived received = ofType(events, ComplaintReceived.class).get(0);
                    assertThat(received.late()).isFalse();
                    assertThat(received.windowEndsOn()).isEqualTo(LAST_DAY);
                    assertThat(ofType(events, ComplaintWindowClosed.class)).hasSize(1);
                    ReconsiderationDeadlineSet reconsider = ofType(events, ReconsiderationDeadlineSet.class).get(0);
                    assertThat(reconsider.deadline().rule()).isEqualTo(RuleId.COMPLAINT_RECONSIDER);
                    assertThat(reconsider.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 10, 27));
                }));
    }

    @Test
    @DisplayName("COMPLAINT-WINDOW: a late complaint is recorded as late, never dropped, and still reconsidered")
    void lateComplaintIsKept() {
        fixture.given(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LAST_DAY))
                .when(complaint(COMPLAINT, DECISION, LocalDate.of(2025, 9, 30)))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintReceived.class).get(0).late()).isTrue();
                    assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                }));
    }

    @Test
    @DisplayName("COMPLAINT-WINDOW: without a complaint the window closes when its last day has passed")
    void windowPasses() {
        // The grant is opened by a command: the window's schedule, made when it opens, is what fires.
        fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                .andGivenCommands(open(Paragraph.SEL85, Outcome.GRANTED, LEJRE, DECIDED))
                .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 9, 30)))
                .expectEvents(new ComplaintWindowClosed(GRANT, CASE, DECISION, complaintWindow(DECISION),
                        "the complaint window passed without a complaint"));
    }

    @Test
    @DisplayName("COMPLAINT-ANY-FORM: an oral complaint without a written text counts like a written one")
    void oralComplaint() {
        fixture.given(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LAST_DAY))
                .when(new ReceiveComplaint(GRANT, COMPLAINT, DECISION, LocalDate.of(2025, 9, 10), StatementForm.ORAL,
                        ComplaintSubject.DECISION, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintReceived.class).get(0).form()).isEqualTo(StatementForm.ORAL);
                    assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                }));
    }

    @Test
    @DisplayName("COMPLAINT-NOT-APPEALABLE: a complaint about the § 85 provider choice is recorded and refused with its reason")
    void providerChoiceIsNotAppealable() {
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()), windowOpened(DECISION, DECIDED, LAST_DAY))
                .when(new ReceiveComplaint(GRANT, COMPLAINT, DECISION, LocalDate.of(2025, 9, 10), StatementForm.EMAIL,
                        ComplaintSubject.PROVIDER_CHOICE, "I want another provider"))
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, ComplaintReceived.class)).hasSize(1);
                    assertThat(ofType(events, ComplaintNotAppealable.class)).singleElement()
                            .satisfies(n -> assertThat(n.ruleId()).isEqualTo(RuleId.COMPLAINT_NOT_APPEALABLE));
                    assertThat(ofType(events, ReconsiderationDeadlineSet.class)).isEmpty();
                }));
    }
}
