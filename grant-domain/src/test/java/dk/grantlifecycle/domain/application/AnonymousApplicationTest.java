package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.ReceiveApplication;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRoutedToUnit;
import dk.grantlifecycle.domain.shared.AgeBand;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
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

import static dk.grantlifecycle.domain.support.ApplicationEvents.assessmentAttached;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ANONYMOUS (002 § 109, § 101a, § 99): an application without CPR number or name, named by the
 * municipality's case reference. It gets deadlines and decisions like any case; rules that need an
 * age judge the stated age band, at both of its ends.
 */
class AnonymousApplicationTest {

    private static final LocalDate RECEIVED = LocalDate.of(2024, 3, 4);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    private static ReceiveApplication anonymous(MunicipalityId m, Paragraph p, LocalDate on, Anonymity anonymity,
                                                RequestedService... services) {
        return new ReceiveApplication(APPLICATION, null, null, m, p, List.of(services),
                new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), false, on, "team-1", Set.of(), anonymity);
    }

    private static ApplicationReceived anonymousReceived(LocalDate on, AgeBand band, RequestedService... services) {
        return new ApplicationReceived(APPLICATION, null, null, LEJRE, Paragraph.SEL85, List.of(services),
                new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), false, on, "team-1", Set.of(),
                TestRules.FIXTURE.inForce(LEJRE, Paragraph.SEL85, on).version(), new Anonymity("ANON-2024-17", band));
    }

    @Test
    @DisplayName("ANONYMOUS: an anonymous application records no CPR number or name, is named by its case reference and gets its case-processing deadline")
    void anonymousApplicationGetsItsDeadline() {
        fixture.givenNoPriorActivity()
                .when(anonymous(AABENRAA, Paragraph.SEL85, RECEIVED, new Anonymity("KUI-ANON-1", new AgeBand(30, 39)),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> {
                    ApplicationReceived r = ofType(events, ApplicationReceived.class).get(0);
                    assertThat(r.citizen()).isNull();
                    assertThat(r.citizenId()).isNull();
                    assertThat(r.anonymous().caseReference()).isEqualTo("KUI-ANON-1");
                    assertThat(ofType(events, CaseRoutedToUnit.class)).as("30-39 is not under 25").isEmpty();
                    // CASE-DEADLINE: Aabenraa's 2 months from Monday 4 March 2024
                    assertThat(ofType(events, CaseProcessingDeadlineSet.class).get(0).deadline().dueOn())
                            .isEqualTo(LocalDate.of(2024, 5, 4));
                }));
    }

    @Test
    @DisplayName("ANONYMOUS: an anonymous application needs a case reference and an age band, and records no CPR number")
    void anonymousApplicationNeedsReferenceAndBand() {
        fixture.givenNoPriorActivity()
                .when(anonymous(LEJRE, Paragraph.SEL85, RECEIVED, new Anonymity(" ", new AgeBand(30, 39)),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectException(violationOf("ANONYMOUS", "caseReference"));
        fixture.givenNoPriorActivity()
                .when(anonymous(LEJRE, Paragraph.SEL85, RECEIVED, new Anonymity("ANON-1", null), service("STØTTE", "SOCIAL_LIFE")))
                .expectException(violationOf("ANONYMOUS", "ageBand"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveApplication(APPLICATION, CITIZEN, ADULT, LEJRE, Paragraph.SEL85,
                        List.of(service("STØTTE", "SOCIAL_LIFE")), new ApplicationSource(ApplicationSource.Channel.CITIZEN, null),
                        false, RECEIVED, "team-1", Set.of(), new Anonymity("ANON-1", new AgeBand(30, 39))))
                .expectException(violationOf("ANONYMOUS", "citizen"));
        assertThatThrownBy(() -> new AgeBand(40, 30)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).ruleId()).isEqualTo(RuleId.ANONYMOUS);
    }

    @Test
    @DisplayName("ANONYMOUS, SEL85-UNDER25: a band wholly under 25 is routed to the youth unit; a band across 25 cannot tell and is refused")
    void ageBandDecidesRouting() {
        fixture.givenNoPriorActivity()
                .when(anonymous(AABENRAA, Paragraph.SEL85, RECEIVED, new Anonymity("KUI-ANON-2", new AgeBand(18, 24)),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class)).hasSize(1)));
        fixture.givenNoPriorActivity()
                .when(anonymous(AABENRAA, Paragraph.SEL85, RECEIVED, new Anonymity("KUI-ANON-3", new AgeBand(20, 29)),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectException(violationOf("SEL85-UNDER25", "ageBand"));
    }

    @Test
    @DisplayName("ANONYMOUS, ELIG-ADULT: the stated band stands in for the birth date: 30-39 may be granted, 16-20 spans 18 and 10-17 is under age")
    void ageBandDecidesAdulthood() {
        LocalDate decided = LocalDate.of(2024, 3, 25);
        fixture.given(anonymousReceived(RECEIVED, new AgeBand(30, 39), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(RECEIVED, "SOCIAL_LIFE", 3))
                .when(decide(decided, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectSuccessfulHandlerExecution();
        fixture.given(anonymousReceived(RECEIVED, new AgeBand(16, 20), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(RECEIVED, "SOCIAL_LIFE", 3))
                .when(decide(decided, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("ELIG-ADULT", "outcomes[0]"));
        fixture.given(anonymousReceived(RECEIVED, new AgeBand(10, 17), service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(RECEIVED, "SOCIAL_LIFE", 3))
                .when(decide(decided, granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("ELIG-ADULT", "outcomes[0]"));
    }

    @Test
    @DisplayName("ANONYMOUS (§ 109): an anonymous admission to a women's shelter is decided and granted with its follow-up plan like any case")
    void anonymousShelterAdmissionIsGranted() {
        LocalDate admitted = LocalDate.of(2024, 9, 2);
        ApplicationReceived admission = new ApplicationReceived(APPLICATION, null, null, LEJRE, Paragraph.SEL109,
                List.of(service("OPHOLD")), new ApplicationSource(ApplicationSource.Channel.PARTNER, "krisecenter"), true,
                admitted, "team-1", Set.of(), TestRules.FIXTURE.inForce(LEJRE, Paragraph.SEL109, admitted).version(),
                new Anonymity("KRISECENTER-2024-31", new AgeBand(25, 34)));
        fixture.given(admission)
                .when(decide(LocalDate.of(2024, 9, 3), granted("OPHOLD", GRANT, Terms.none().build())))
                .expectEventsMatching(payloads(events -> {
                    var decided = ofType(events, ApplicationEvent.ApplicationDecided.class).get(0);
                    assertThat(decided.citizenId()).isNull();
                    assertThat(decided.outcomes().get(0).granted()).isTrue();
                    assertThat(decided.outcomes().get(0).plan().cadences()).extracting(c -> c.rule().id())
                            .containsOnly("SEL109-FOLLOWUP");
                }));
    }

    @Test
    @DisplayName("ANONYMOUS: a band stated on 4 March 2024 as 18-18 allows birth dates 5 March 2005 to 4 March 2006")
    void bandBecomesBirthDates() {
        var born = CALENDAR.birthDates(new AgeBand(18, 18), RECEIVED);
        assertThat(born.earliest()).isEqualTo(LocalDate.of(2005, 3, 5));
        assertThat(born.latest()).isEqualTo(LocalDate.of(2006, 3, 4));
    }
}
