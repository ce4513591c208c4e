package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.decision.PlaceSize;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
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
import java.time.Period;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision is judged by the rule set in force on its date and carries the cadences of that
 * rule set: Lejre's 2015 standard (12-week reassessment) and its 2025 standard (half-yearly).
 */
class RuleSetVersionTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    private static final LocalDate AUTUMN_2025 = LocalDate.of(2025, 9, 1);

    private final InMemoryCitizenGrants citizenGrants = new InMemoryCitizenGrants();
    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(citizenGrants);
    }

    private static ServiceDecision outcome(List<Object> events, int i) {
        return decidedIn(events).outcomes().get(i);
    }

    private static ApplicationDecided decidedIn(List<Object> events) {
        return ofType(events, ApplicationDecided.class).get(0);
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a first-time Lejre § 85 grant under the 2015 standard carries the 12-week reassessment")
    void firstTimeGrantUnderOldStandard() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> {
                    ApplicationDecided d = decidedIn(events);
                    assertThat(d.ruleSetVersion().adopted()).isEqualTo(LocalDate.of(2015, 9, 7));
                    assertThat(d.outcomes().get(0).plan().firstGrant()).isTrue();
                    assertThat(d.outcomes().get(0).plan().cadences()).singleElement().satisfies(c -> {
                        assertThat(c.rule()).isEqualTo(RuleId.SEL85_REASSESS_12W);
                        assertThat(c.first()).isEqualTo(Period.ofWeeks(12));
                        assertThat(c.every()).isEqualTo(Period.ofMonths(6));
                    });
                }));
    }

    @Test
    @DisplayName("SEL85-REASSESS-12W: a repeat § 85 grant is reassessed every 6 months, not after 12 weeks")
    void repeatGrantUnderOldStandard() {
        // The command side's record of the citizen's grants knows the earlier § 85 support.
        citizenGrants.earlier(CITIZEN, Paragraph.SEL85);
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(MONDAY_2024, "SOCIAL_LIFE", 2))
                .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().cadences()).singleElement()
                        .satisfies(c -> assertThat(c.first()).isEqualTo(Period.ofMonths(6)))));
    }

    @Test
    @DisplayName("SEL85-FOLLOWUP-6M: a Lejre § 85 decision from 11 August 2025 carries the half-yearly follow-up")
    void grantUnderNewStandard() {
        fixture.given(received(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 7, 28), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(AUTUMN_2025, "SOCIAL_LIFE", 2))
                .when(decide(AUTUMN_2025, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> {
                    ApplicationDecided d = decidedIn(events);
                    assertThat(d.ruleSetVersion().adopted()).isEqualTo(LocalDate.of(2025, 8, 11));
                    assertThat(d.outcomes().get(0).plan().cadences()).extracting(c -> c.rule()).containsExactly(RuleId.SEL85_FOLLOWUP_6M);
                }));
    }

    @Test
    @DisplayName("SEL104-AGE67: a § 104 grant plans a review when the citizen turns 67")
    void section104AgeReview() {
        // Born 15 September 1958: turns 67 on Monday 15 September 2025, after Lejre's § 104 standard
        // (002, adopted 11 August 2025) took effect.
        CitizenIdentity turns67 = new CitizenIdentity(Cpr.of("150958-1234"), "Borger 67");
        LocalDate receivedOn = LocalDate.of(2025, 8, 18);
        // Decided Sunday 14 September 2025, the day before the birthday: the review is due on 15 September 2025.
        fixture.given(received(turns67, LEJRE, Paragraph.SEL104, receivedOn, false, Set.of(), service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(receivedOn, "SOCIAL_LIFE", 4))
                .when(decide(LocalDate.of(2025, 9, 14), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().cadences())
                        .filteredOn(c -> c.kind() == FollowUpKind.AGE_REVIEW).singleElement()
                        .satisfies(c -> assertThat(c.fixedDueOn()).isEqualTo(LocalDate.of(2025, 9, 15)))));
        // Decided on the birthday itself: the decision already weighs the citizen at 67; no review is planned.
        fixture.given(received(turns67, LEJRE, Paragraph.SEL104, receivedOn, false, Set.of(), service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(receivedOn, "SOCIAL_LIFE", 4))
                .when(decide(LocalDate.of(2025, 9, 15), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().cadences())
                        .noneMatch(c -> c.kind() == FollowUpKind.AGE_REVIEW)));
        // Before Lejre's § 104 standard took effect (decided Sunday 10 August 2025) there is no age review:
        // it is 002 § 104's, not the law's.
        fixture.given(received(ADULT, LEJRE, Paragraph.SEL104, LocalDate.of(2025, 7, 7), false, Set.of(), service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(LocalDate.of(2025, 7, 7), "SOCIAL_LIFE", 4))
                .when(decide(LocalDate.of(2025, 8, 10), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().cadences())
                        .noneMatch(c -> c.kind() == FollowUpKind.AGE_REVIEW)));
        fixture.given(received(ADULT, LEJRE, Paragraph.SEL104, AUTUMN_2025, false, Set.of(), service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(AUTUMN_2025, "SOCIAL_LIFE", 4))
                .when(decide(AUTUMN_2025, granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).plan().cadences())
                        .filteredOn(c -> c.kind() == FollowUpKind.AGE_REVIEW).singleElement()
                        .satisfies(c -> {
                            assertThat(c.rule()).isEqualTo(RuleId.SEL104_AGE67);
                            assertThat(c.fixedDueOn()).isEqualTo(LocalDate.of(2057, 1, 1));
                        })));
    }}
