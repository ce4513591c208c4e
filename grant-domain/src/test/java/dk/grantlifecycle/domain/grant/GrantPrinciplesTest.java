package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.ProviderRelation;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.GrantCommands.AnswerActionPlan;
import dk.grantlifecycle.domain.grant.GrantCommands.AssignProvider;
import dk.grantlifecycle.domain.grant.GrantCommands.OfferActionPlan;
import dk.grantlifecycle.domain.grant.GrantCommands.StartService;
import dk.grantlifecycle.domain.grant.GrantCommands.TerminateGrant;
import dk.grantlifecycle.domain.grant.GrantEvent.ActionPlanAnswered;
import dk.grantlifecycle.domain.grant.GrantEvent.ActionPlanOffered;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantTerminated;
import dk.grantlifecycle.domain.grant.GrantEvent.ProviderAssigned;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
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
 * What a granted service follows once it runs: the action plan before the start, who may
 * provide it, and why and how it ends. The complaint window each decision opens plays no part
 * here and is left out of the given histories.
 */
class GrantPrinciplesTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    /** Six months after the grant; a § 85 ending needs no notice, so it takes effect on its date. */
    private static final LocalDate ENDING = LocalDate.of(2026, 3, 1);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    @Test
    @DisplayName("ACTION-PLAN: when it must be offered, the service does not start before the offer; the citizen may decline")
    void actionPlanBeforeStart() {
        ServiceGranted g = granted(Paragraph.SEL85, DECIDED, Terms.sel85().build(), ActionPlanDuty.MUST_OFFER, LEJRE);
        fixture.given(g)
                .when(new StartService(GRANT, LocalDate.of(2025, 9, 8), null))
                .expectException(violationOf("ACTION-PLAN"));
        fixture.given(g, new ActionPlanOffered(GRANT, CASE, DECIDED), new ActionPlanAnswered(GRANT, CASE, LocalDate.of(2025, 9, 3), false))
                .when(new StartService(GRANT, LocalDate.of(2025, 9, 8), null))
                .expectEvents(new ServiceStarted(GRANT, CASE, Paragraph.SEL85, LocalDate.of(2025, 9, 8)));
    }

    @Test
    @DisplayName("ACTION-PLAN: the offer and the answer are events; an answer needs an offer")
    void actionPlanOfferAndAnswer() {
        ServiceGranted g = granted(Paragraph.SEL85, DECIDED, Terms.sel85().build(), ActionPlanDuty.CONSIDER, LEJRE);
        fixture.given(g).when(new AnswerActionPlan(GRANT, DECIDED, true)).expectException(violationOf("ACTION-PLAN"));
        fixture.given(g).when(new OfferActionPlan(GRANT, DECIDED)).expectEvents(new ActionPlanOffered(GRANT, CASE, DECIDED));
        fixture.given(g, new ActionPlanOffered(GRANT, CASE, DECIDED))
                .when(new AnswerActionPlan(GRANT, LocalDate.of(2025, 9, 2), true))
                .expectEvents(new ActionPlanAnswered(GRANT, CASE, LocalDate.of(2025, 9, 2), true));
    }

    @Test
    @DisplayName("NO-FAMILY-PROVIDER: a relative is the § 85 provider only when an individual assessment finds it best")
    void familyProvider() {
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new AssignProvider(GRANT, DECIDED, "sister", ProviderRelation.RELATIVE, null, false, false))
                .expectException(violationOf("NO-FAMILY-PROVIDER", "individualAssessment"));
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new AssignProvider(GRANT, DECIDED, "sister", ProviderRelation.RELATIVE,
                        "she is the only person the citizen lets in", false, false))
                .expectEvents(new ProviderAssigned(GRANT, CASE, "sister", ProviderRelation.RELATIVE,
                        "she is the only person the citizen lets in", false, List.of(RuleId.NO_FAMILY_PROVIDER)));
    }

    @Test
    @DisplayName("NO-FAMILY-PROVIDER: Lejre's § 97 never employs a person very close to the citizen (002 § 97), whatever an assessment finds")
    void familyProviderNeverUnderSection97() {
        fixture.given(granted(Paragraph.SEL97, DECIDED, Terms.none().build()))
                .when(new AssignProvider(GRANT, DECIDED, "spouse", ProviderRelation.RELATIVE,
                        "the citizen trusts no one else", false, false))
                .expectException(violationOf("NO-FAMILY-PROVIDER", "relation"));
        fixture.given(granted(Paragraph.SEL97, DECIDED, Terms.none().build()))
                .when(new AssignProvider(GRANT, DECIDED, "Ledsagerservice", ProviderRelation.NONE, null, false, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("NO-FAMILY-PROVIDER: Lejre's § 85 never employed family until 10 August 2025 (000); from 11 August 2025 after an individual assessment (002 § 85 section 8)")
    void familyProviderUnderSection85ChangesWithLejresStandard() {
        LocalDate granted = LocalDate.of(2025, 8, 1);
        fixture.given(granted(Paragraph.SEL85, granted, Terms.sel85().build()))
                .when(new AssignProvider(GRANT, LocalDate.of(2025, 8, 10), "sister", ProviderRelation.RELATIVE,
                        "she is the only person the citizen lets in", false, false))
                .expectException(violationOf("NO-FAMILY-PROVIDER", "relation"));
        fixture.given(granted(Paragraph.SEL85, granted, Terms.sel85().build()))
                .when(new AssignProvider(GRANT, LocalDate.of(2025, 8, 11), "sister", ProviderRelation.RELATIVE,
                        "she is the only person the citizen lets in", false, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("NO-FREE-CHOICE: no free choice for § 85; § 108 among comparable offers not considerably more expensive")
    void freeChoice() {
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new AssignProvider(GRANT, DECIDED, "Bostøtten ApS", ProviderRelation.NONE, null, true, true))
                .expectException(violationOf("NO-FREE-CHOICE", "citizenChoice"));
        fixture.given(granted(Paragraph.SEL108, DECIDED, Terms.none().build()))
                .when(new AssignProvider(GRANT, DECIDED, "Bofællesskabet", ProviderRelation.NONE, null, true, false))
                .expectException(violationOf("NO-FREE-CHOICE", "comparableOffer"));
        fixture.given(granted(Paragraph.SEL108, DECIDED, Terms.none().build()))
                .when(new AssignProvider(GRANT, DECIDED, "Bofællesskabet", ProviderRelation.NONE, null, true, true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("END-REASONS: a grant ends for a named reason, by a decision")
    void endReasons() {
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, null, null, null, content(), null, false, null, false, null))
                .expectException(violationOf("END-REASONS", "reason"));
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, EndReason.GOALS_MET, null, null, content(), null, false, null,
                        false, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events.get(0)).isInstanceOfSatisfying(GrantTerminated.class, t -> {
                        assertThat(t.reason()).isEqualTo(EndReason.GOALS_MET);
                        assertThat(t.effectiveOn()).as("RECEIPT: 14 days after Sunday 1 March is Sunday 15 March; Monday 16 March")
                                .isEqualTo(LocalDate.of(2026, 3, 16));
                    });
                    assertThat(ofType(events, GrantEnded.class)).isEmpty();
                }));
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, EndReason.CITIZEN_NO_LONGER_WANTS_IT, null, null, content(), null,
                        false, null, false, null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement()
                        .as("an ending the citizen asked for burdens no one and takes effect on its date")
                        .satisfies(e -> assertThat(e.endedOn()).isEqualTo(ENDING))));
    }

    @Test
    @DisplayName("EXCL-99-SUPPLEMENT: § 99 supplements and never replaces § 85, § 83, § 97 or § 110 aftercare")
    void section99NeverReplaces() {
        fixture.given(granted(Paragraph.SEL85, DECIDED, Terms.sel85().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, EndReason.CITIZEN_NO_LONGER_WANTS_IT, null, Paragraph.SEL99,
                        content(), null, false, null, false, null))
                .expectException(violationOf("EXCL-99-SUPPLEMENT", "replacedBy"));
        // The list is 002 § 99's, read from the rule file: § 110 aftercare is on it, § 107 is not.
        fixture.given(granted(Paragraph.SEL110, DECIDED, Terms.none().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, EndReason.CITIZEN_NO_LONGER_WANTS_IT, null, Paragraph.SEL99,
                        content(), null, false, null, false, null))
                .expectException(violationOf("EXCL-99-SUPPLEMENT", "replacedBy"));
        fixture.given(granted(Paragraph.SEL107, DECIDED, Terms.none().build()))
                .when(new TerminateGrant(GRANT, REDUCTION, ENDING, EndReason.CITIZEN_NO_LONGER_WANTS_IT, null, Paragraph.SEL99,
                        content(), null, false, null, false, null))
                .expectSuccessfulHandlerExecution();
    }
}
