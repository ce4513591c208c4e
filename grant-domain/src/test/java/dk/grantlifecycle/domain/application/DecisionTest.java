package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ServiceDecision;
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

import static dk.grantlifecycle.domain.decision.Fact.*;
import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The decision on an application: one outcome per requested service, each judged by the § 85
 * rules. The case-processing deadline that receipt opens plays no part in these decisions and is
 * left out of the given histories.
 */
class DecisionTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    /** Three weeks after receipt, within the case-processing deadline. */
    private static final LocalDate DECIDED = LocalDate.of(2024, 3, 25);

    private final InMemoryCitizenGrants citizenGrants = new InMemoryCitizenGrants();
    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(citizenGrants);
    }

    private static List<ServiceDecision> outcomes(List<Object> events) {
        return ofType(events, ApplicationDecided.class).get(0).outcomes();
    }

    @Test
    @DisplayName("SEL85-PARTIAL: each requested service gets its own outcome, granted or rejected")
    void partialGrant() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS"),
                                service("NETVÆRK", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "PRACTICAL_TASKS", 3, "SOCIAL_LIFE", 1))
                .when(decide(DECIDED, granted("MADLAVNING", GRANT, Terms.sel85().build()),
                        rejected("NETVÆRK", GRANT_2, "mild problems only", "SEL85-TARGET")))
                .expectEventsMatching(payloads(events -> assertThat(outcomes(events))
                        .extracting(d -> d.service().code(), ServiceDecision::outcome)
                        .containsExactly(tuple("MADLAVNING", Outcome.GRANTED), tuple("NETVÆRK", Outcome.REJECTED))));
    }

    @Test
    @DisplayName("SEL85-PARTIAL: a decision that leaves a requested service without outcome is refused")
    void everyServiceNeedsAnOutcome() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS"),
                                service("NETVÆRK", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "PRACTICAL_TASKS", 3, "SOCIAL_LIFE", 2))
                .when(decide(DECIDED, granted("MADLAVNING", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-PARTIAL", "outcomes"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("SEL85-TARGET: § 85 needs at least moderate (2) problems on the theme asked for")
    void section85NeedsModerateProblems() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("NETVÆRK", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1, "PRACTICAL_TASKS", 3))
                .when(decide(DECIDED, granted("NETVÆRK", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-TARGET", "outcomes[0]"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("SEL85-TARGET: a rejection for levels 0-1 refers the citizen to open offers")
    void rejectionRefersToOpenOffers() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("NETVÆRK", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 1))
                .when(decide(DECIDED, rejected("NETVÆRK", GRANT, "mild problems only", "SEL85-TARGET")))
                .expectEventsMatching(payloads(events -> assertThat(outcomes(events).get(0).grounds().referral())
                        .containsExactly("værested", "rådgivning", "frivillige grupper")));
    }

    @Test
    @DisplayName("ELIG-ADULT: services are for citizens aged 18 or more on the decision date")
    void minorIsRefused() {
        LocalDate receivedOn = LocalDate.of(2026, 5, 1);
        fixture.given(received(MINOR, LEJRE, Paragraph.SEL85, receivedOn, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(receivedOn, "SOCIAL_LIFE", 3))
                .when(decide(LocalDate.of(2026, 6, 14), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("ELIG-ADULT", "outcomes[0]"));
        fixture.given(received(MINOR, LEJRE, Paragraph.SEL85, receivedOn, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(receivedOn, "SOCIAL_LIFE", 3))
                .when(decide(LocalDate.of(2026, 6, 15), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("SEL85-PENSIONER: an applicant on state pension is assessed for § 83 first")
    void pensionerIsAssessedForSection83First() {
        fixture.given(received(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(RECEIVES_STATE_PENSION),
                                service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(DECIDED, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-PENSIONER"));
        fixture.given(received(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(RECEIVES_STATE_PENSION),
                                service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(DECIDED, Set.of(SEL83_ASSESSED_FIRST), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcomes(events).get(0).grounds().ruleIds())
                        .contains(RuleId.SEL85_PENSIONER)));
    }

    @Test
    @DisplayName("SEL85-NOT-TREATMENT: § 85 support cannot be treatment or therapy")
    void notTreatment() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("SAMTALER", "HEALTH")),
                        assessmentAttached(MONDAY_2024, "HEALTH", 3))
                .when(decide(DECIDED, Set.of(TREATMENT_OR_THERAPY), granted("SAMTALER", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-NOT-TREATMENT"));
    }

    @Test
    @DisplayName("SEL85-NOT-SINGLE-TASK: a single task does not by itself give § 85 support")
    void notSingleTask() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("LEDSAGELSE", "COMMUNITY_LIFE")),
                        assessmentAttached(MONDAY_2024, "COMMUNITY_LIFE", 3))
                .when(decide(DECIDED, Set.of(SINGLE_TASK_ONLY), granted("LEDSAGELSE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-NOT-SINGLE-TASK"));
    }

    @Test
    @DisplayName("SEL85-GOALS: every granted service has a goal")
    void goalsAreRequired() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(decide(DECIDED, granted("STØTTE", GRANT, Terms.sel85().goals().build())))
                .expectException(violationOf("SEL85-GOALS", "outcomes[0].terms.goals"));
    }

    @Test
    @DisplayName("EXCL-85-COVERED: § 85 is not granted for a need already met by § 104 or a residential offer")
    void needAlreadyCovered() {
        citizenGrants.active(CITIZEN, Paragraph.SEL104);
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 3))
                .when(decide(DECIDED, Set.of(NEED_COVERED_BY_EXISTING_OFFER), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("EXCL-85-COVERED"));
    }

    @Test
    @DisplayName("VUM-SCALE: a decision granting § 85 needs a completed assessment")
    void decisionNeedsAssessment() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                .when(decide(DECIDED, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("VUM-SCALE", "assessment"));
    }
}
