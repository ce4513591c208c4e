package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.DecideApplication;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.shared.HearingId;
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

import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the citizen in every decision on an application: its content (reasons and
 * complaint guidance), when it counts as received, and the hearing before a decision against the
 * citizen on facts not yet seen.
 */
class DecisionSafeguardsTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    private static final LocalDate DECIDED = LocalDate.of(2024, 3, 25);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    private static DecideApplication rejection(DecisionContent content, Delivery delivery, boolean unseenFacts) {
        return rejection(content, delivery, unseenFacts, null);
    }

    private static DecideApplication rejection(DecisionContent content, Delivery delivery, boolean unseenFacts, HearingId heardIn) {
        return new DecideApplication(APPLICATION, DECISION, DECIDED,
                List.of(rejected("STØTTE", GRANT, "mild problems only", "SEL85-TARGET")), Set.of(), content, delivery,
                unseenFacts, heardIn, null);
    }

    private static ApplicationDecided decidedIn(List<Object> events) {
        return ofType(events, ApplicationDecided.class).get(0);
    }

    @Test
    @DisplayName("DECISION-CONTENT: a rejection is not recorded without reasons and complaint guidance")
    void rejectionNeedsContent() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1))
                .when(rejection(null, null, false))
                .expectException(violationOf("DECISION-CONTENT", "content"))
                .expectNoEvents();
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1))
                .when(rejection(new DecisionContent("SEL § 85", "d", "f", null), null, false))
                .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
    }

    @Test
    @DisplayName("DECISION-CONTENT: a decision fully in the citizen's favour needs no complaint guidance; every decision records rules, version and receipt")
    void fullGrantRecordsItsBasis() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(new DecideApplication(APPLICATION, DECISION, DECIDED,
                        List.of(granted("STØTTE", GRANT, Terms.sel85().build())), Set.of(), null, null, false, null, null))
                .expectEventsMatching(payloads(events -> {
                    ApplicationDecided d = decidedIn(events);
                    assertThat(d.ruleSetVersion()).isNotNull();
                    assertThat(d.outcomes().get(0).grounds().ruleIds()).contains(RuleId.SEL85_TARGET);
                    assertThat(d.receivedByCitizenOn()).isEqualTo(DECIDED);
                }));
    }

    @Test
    @DisplayName("RECEIPT: a decision letter on paper counts as received 5 hverdage after posting, across Easter; the letter "
            + "cannot know that day, so it states the rule, not a date (DECISION-CONTENT)")
    void paperReceipt() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1))
                .when(rejection(content(), new Delivery(DeliveryChannel.PAPER, LocalDate.of(2024, 3, 26), null), false))
                .expectEventsMatching(payloads(events -> {
                    ApplicationDecided d = decidedIn(events);
                    assertThat(d.deliveredBy()).isEqualTo(DeliveryChannel.PAPER);
                    assertThat(d.receivedByCitizenOn()).isEqualTo(LocalDate.of(2024, 4, 5));
                    assertThat(d.content().complaintGuidance().deadline()).isNull();
                    assertThat(d.content().complaintGuidance().deadlineRule()).isEqualTo("4 uger fra du har modtaget afgørelsen");
                }));
    }

    @Test
    @DisplayName("HEARING: a rejection on facts the citizen has not seen waits for the citizen's answer")
    void hearingBeforeRejection() {
        HearingId hearing = HearingId.of("hearing-1");
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1))
                .when(rejection(content(), null, true))
                .expectException(violationOf("HEARING", "hearingId"));
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1),
                        hearingRequested(hearing, LocalDate.of(2024, 3, 11), "statement from the landlord", LocalDate.of(2024, 3, 25)),
                        hearingAnswered(hearing, LocalDate.of(2024, 3, 14), "it is not true"))
                .when(rejection(content(), null, true, hearing))
                .expectSuccessfulHandlerExecution();
    }
}
