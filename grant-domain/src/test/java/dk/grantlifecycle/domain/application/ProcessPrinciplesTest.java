package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principles every grant follows: group support first, temporary first, the least intrusive
 * help, and the action plan offered with it.
 */
class ProcessPrinciplesTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    private static ServiceDecision outcome(List<Object> events, int i) {
        return decidedIn(events).outcomes().get(i);
    }

    private static ApplicationDecided decidedIn(List<Object> events) {
        return ofType(events, ApplicationDecided.class).get(0);
    }

    @Test
    @DisplayName("GROUP-FIRST: individual support records why the impairment prevents group support")
    void groupFirst() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().individual(null).build())))
                .expectException(violationOf("GROUP-FIRST", "outcomes[0].terms.individualReason"));
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT,
                        Terms.sel85().individual("severe social anxiety prevents groups").build())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("TEMPORARY-FIRST: § 85 is temporary by default; a permanent grant records why")
    void temporaryFirst() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().temporary()).isTrue()));
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().permanent(null).build())))
                .expectException(violationOf("TEMPORARY-FIRST"));
    }

    @Test
    @DisplayName("LEAST-INTRUSIVE: a grant records the less intrusive options considered or tried first")
    void leastIntrusive() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().lessIntrusive().build())))
                .expectException(violationOf("LEAST-INTRUSIVE", "outcomes[0].terms.lessIntrusiveConsidered"));
    }

    @Test
    @DisplayName("ACTION-PLAN: every § 85 grant comes with the offer of an action plan, at level 2 too (000, 001, 002 § 85 section 6; § 141)")
    void actionPlanWithEverySection85Grant() {
        // Lejre before 11 August 2025 (000: "blive tilbudt en handleplan") and after (002 § 85 section 6).
        for (LocalDate on : List.of(MONDAY_2024, LocalDate.of(2025, 8, 11))) {
            fixture.given(received(LEJRE, Paragraph.SEL85, on, service("STØTTE", "SOCIAL_LIFE")),
                            assessmentAttached(on, "SOCIAL_LIFE", 2))
                    .when(decide(on.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().actionPlan())
                            .isEqualTo(ActionPlanDuty.MUST_OFFER)));
        }
        // Aabenraa and Gladsaxe too: § 85's target group is § 141's by law.
        fixture.given(received(AABENRAA, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().actionPlan())
                        .isEqualTo(ActionPlanDuty.MUST_OFFER)));
    }

    @Test
    @DisplayName("ACTION-PLAN: where no source offers a plan with every grant (§ 103), it is offered from level 3 (an assumption) and considered below")
    void actionPlanFromLevelWhereTheSourceIsSilent() {
        LocalDate on = LocalDate.of(2024, 12, 2);
        fixture.given(received(LEJRE, Paragraph.SEL103, on, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(on, "COMMUNITY_LIFE", 2))
                .when(decide(on.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(dk.grantlifecycle.domain.decision.PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().actionPlan())
                        .isEqualTo(ActionPlanDuty.CONSIDER)));
        fixture.given(received(LEJRE, Paragraph.SEL103, on, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(on, "COMMUNITY_LIFE", 3))
                .when(decide(on.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(dk.grantlifecycle.domain.decision.PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().actionPlan())
                        .isEqualTo(ActionPlanDuty.MUST_OFFER)));
    }}
