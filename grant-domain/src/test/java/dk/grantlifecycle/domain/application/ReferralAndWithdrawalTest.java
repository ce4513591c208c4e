package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.ReferElsewhere;
import dk.grantlifecycle.domain.application.ApplicationCommands.WithdrawApplication;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationWithdrawn;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral elsewhere is a refusal (Retssikkerhedsloven § 5) and so a decision: reasons, complaint
 * guidance, a receipt date, one rejected grant line per requested service and, through them, a
 * complaint window. Only the citizen's withdrawal closes an application without a decision.
 */
class ReferralAndWithdrawalTest {

    private static final LocalDate RECEIVED = LocalDate.of(2024, 3, 4);
    private static final LocalDate REFERRED = LocalDate.of(2024, 3, 7);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    private static ReferElsewhere referral(DecisionContent content) {
        return new ReferElsewhere(APPLICATION, DECISION, "§ 83 praktisk hjælp", "the citizen receives state pension",
                List.of(RuleId.SEL85_PENSIONER), REFERRED, content, Delivery.digitalPost(REFERRED), false, null, null);
    }

    @Test
    @DisplayName("SEL85-PENSIONER: a referral to § 83 refuses every requested service, each with the referral, reasons and guidance")
    void referralIsARefusalOfEveryService() {
        fixture.given(received(ADULT, LEJRE, Paragraph.SEL85, RECEIVED, false, Set.of(RECEIVES_STATE_PENSION),
                        service("PRAKTISK", "PRACTICAL_TASKS"), service("INDKØB", "PRACTICAL_TASKS")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, LocalDate.of(2024, 4, 8)))
                .when(referral(content()))
                .expectEventsMatching(payloads(events -> {
                    ApplicationDecided d = ofType(events, ApplicationDecided.class).get(0);
                    assertThat(d.referredTo()).isEqualTo("§ 83 praktisk hjælp");
                    assertThat(d.outcomes()).extracting(ServiceDecision::outcome).containsOnly(ServiceDecision.Outcome.REJECTED);
                    assertThat(d.outcomes()).extracting(o -> o.grantId()).containsExactly(
                            GrantId.of("decision-0001-1"), GrantId.of("decision-0001-2"));
                    assertThat(d.outcomes()).allSatisfy(o -> {
                        assertThat(o.grounds().referral()).containsExactly("§ 83 praktisk hjælp");
                        assertThat(o.grounds().ruleIds()).containsExactly(RuleId.SEL85_PENSIONER);
                        assertThat(o.grounds().reason()).isEqualTo("the citizen receives state pension");
                    });
                    assertThat(d.receivedByCitizenOn()).as("RECEIPT: Digital Post, the day sent").isEqualTo(REFERRED);
                    assertThat(d.content().complaintGuidance().deadline()).as("COMPLAINT-WINDOW: 4 weeks from receipt")
                            .isEqualTo(LocalDate.of(2024, 4, 4));
                    assertThat(d.closedDeadlineIds()).containsExactly(caseDeadline(1));
                }));
    }

    @Test
    @DisplayName("DECISION-CONTENT: a referral is not recorded without its reasons and complaint guidance")
    void referralNeedsReasonsAndGuidance() {
        fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("PRAKTISK", "PRACTICAL_TASKS")))
                .when(referral(null))
                .expectException(violationOf("DECISION-CONTENT", "content"));
        fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("PRAKTISK", "PRACTICAL_TASKS")))
                .when(referral(new DecisionContent("Serviceloven § 83", "pension", "the citizen's pension", null)))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
    }

    @Test
    @DisplayName("A referral after the assessment is still a refusal decision; the case is decided once")
    void referralAfterAssessment() {
        fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("PRAKTISK", "PRACTICAL_TASKS")),
                        assessmentAttached(LocalDate.of(2024, 3, 6), "PRACTICAL_TASKS", 2))
                .when(referral(content()))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, ApplicationDecided.class)).hasSize(1)));
        fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("PRAKTISK", "PRACTICAL_TASKS")),
                        decided(LocalDate.of(2024, 3, 6), List.of()))
                .when(referral(content()))
                .expectException(InvalidState.class);
    }

    @Test
    @DisplayName("The citizen's withdrawal closes the application and all its deadlines without a decision, with its date and form")
    void withdrawalClosesWithoutADecision() {
        fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, RECEIVED, true, Set.of(), service("PRAKTISK", "PRACTICAL_TASKS")))
                .when(new WithdrawApplication(APPLICATION, LocalDate.of(2024, 3, 5), StatementForm.ORAL, "called the caseworker"))
                .expectEvents(new ApplicationWithdrawn(APPLICATION, LocalDate.of(2024, 3, 5), StatementForm.ORAL, "called the caseworker",
                        List.of(caseDeadline(1), caseDeadline(2))))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2024, 4, 8)),
                        dk.grantlifecycle.domain.deadline.Deadline.scheduleName(caseDeadline(2)));
        fixture.given(received(LEJRE, Paragraph.SEL85, RECEIVED, service("PRAKTISK", "PRACTICAL_TASKS")),
                        new ApplicationWithdrawn(APPLICATION, LocalDate.of(2024, 3, 5), StatementForm.WRITTEN, null, List.of()))
                .when(decide(REFERRED, rejected("PRAKTISK", GRANT, "withdrawn")))
                .expectException(InvalidState.class);
    }
}
