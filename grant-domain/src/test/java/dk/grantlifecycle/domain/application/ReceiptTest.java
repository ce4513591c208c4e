package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.AssignCaseworker;
import dk.grantlifecycle.domain.application.ApplicationCommands.NoteTreatmentStarted;
import dk.grantlifecycle.domain.application.ApplicationCommands.StartAcuteSupport;
import dk.grantlifecycle.domain.application.ApplicationEvent.AcuteSupportStarted;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRoutedToUnit;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseworkerAssigned;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentGuaranteeSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentStarted;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Copenhagen;
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
import java.util.Set;

import static dk.grantlifecycle.domain.decision.Fact.FREE_CHOICE_OF_TREATMENT_PROVIDER;
import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Receipt of an application: the rule set it is judged by, its case-processing deadline, acute
 * cases, routing and the treatment guarantee. A test that watches a schedule (set, fired or
 * cancelled) receives the application as a command: only a command's schedule reaches the
 * fixture's deadline manager.
 */
class ReceiptTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    @Test
    @DisplayName("CASE-DEADLINE: a Lejre § 85 application gets the published 5-week case-processing deadline")
    void lejreSection85ApplicationGetsFiveWeekDeadline() {
        LocalDate due = LocalDate.of(2024, 4, 8);
        fixture.givenNoPriorActivity()
                .when(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS")))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events.get(0)).isInstanceOfSatisfying(ApplicationReceived.class, received ->
                            assertThat(received.ruleSetVersion()).isEqualTo(
                                    new RuleSetVersion("lejre", LocalDate.of(2015, 9, 7), LocalDate.of(2018, 7, 1))));
                    Deadline deadline = ofType(events, CaseProcessingDeadlineSet.class).get(0).deadline();
                    assertThat(deadline.dueOn()).isEqualTo(due);
                    assertThat(deadline.rule()).isEqualTo(RuleId.CASE_DEADLINE);
                }))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(due), Deadline.scheduleName(caseDeadline(1)));
    }

    @Test
    @DisplayName("CASE-DEADLINE: Aabenraa's § 85 deadline is 2 calendar months")
    void aabenraaSection85DeadlineIsTwoMonths() {
        fixture.givenNoPriorActivity()
                .when(receive(AABENRAA, Paragraph.SEL85, LocalDate.of(2024, 1, 31), service("STRUKTUR", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseProcessingDeadlineSet.class).get(0)
                        .deadline().dueOn()).isEqualTo(LocalDate.of(2024, 3, 31))));
    }

    @Test
    @DisplayName("CASE-ACUTE: an acute application is due at once and closed when acute support starts")
    void acuteApplicationIsDueAtOnce() {
        fixture.givenNoPriorActivity()
                .when(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, true, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseProcessingDeadlineSet.class))
                        .extracting(s -> s.deadline().rule(), s -> s.deadline().dueOn())
                        .containsExactly(tuple(RuleId.CASE_ACUTE, MONDAY_2024),
                                tuple(RuleId.CASE_DEADLINE, LocalDate.of(2024, 4, 8)))))
                .expectScheduledDeadlineWithName(Copenhagen.startOf(MONDAY_2024), Deadline.scheduleName(caseDeadline(1)));
    }

    @Test
    @DisplayName("CASE-ACUTE: starting acute support meets the acute deadline and cancels it")
    void acuteSupportMeetsTheAcuteDeadline() {
        // Received as a command: the test shows that the schedule made at receipt is cancelled.
        fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, true, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                .when(new StartAcuteSupport(APPLICATION, MONDAY_2024, "daily visits until decided"))
                .expectEvents(new AcuteSupportStarted(APPLICATION, caseDeadline(1), MONDAY_2024, "daily visits until decided"))
                .expectNoScheduledDeadlineWithName(Copenhagen.startOf(MONDAY_2024), Deadline.scheduleName(caseDeadline(1)));
    }

    @Test
    @DisplayName("CASE-ACUTE: acute support cannot be started on an application not marked acute")
    void acuteSupportNeedsAnAcuteApplication() {
        fixture.given(received(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                        caseDeadlineSet(1, RuleId.CASE_DEADLINE, LocalDate.of(2024, 4, 8)))
                .when(new StartAcuteSupport(APPLICATION, MONDAY_2024, "x"))
                .expectException(violationOf("CASE-ACUTE"));
    }

    @Test
    @DisplayName("SEL85-UNDER25: in Aabenraa an applicant under 25 is routed to the youth unit KUI")
    void aabenraaRoutesUnder25ToKui() {
        fixture.givenNoPriorActivity()
                .when(receive(YOUNG, AABENRAA, Paragraph.SEL85, MONDAY_2024, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class))
                        .containsExactly(new CaseRoutedToUnit(APPLICATION, "KUI (den kommunale ungeindsats)",
                                RuleId.SEL85_UNDER25))));
    }

    @Test
    @DisplayName("SEL85-UNDER25: the routing is Aabenraa's rule, not Lejre's, and not for those 25 or older")
    void underTwentyFiveRoutingIsLocal() {
        fixture.givenNoPriorActivity()
                .when(receive(YOUNG, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class)).isEmpty()));
        fixture.givenNoPriorActivity()
                .when(receive(ADULT, AABENRAA, Paragraph.SEL85, MONDAY_2024, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class)).isEmpty()));
    }

    /** Born 1 March 2000: 24 until Friday 28 February 2025, 25 from Saturday 1 March 2025. */
    private static final CitizenIdentity TURNS_25 = new CitizenIdentity(Cpr.of("010300-4321"), "Ung Borger");
    private static final String KUI = "KUI (den kommunale ungeindsats)";

    @Test
    @DisplayName("SEL85-UNDER25: received on 28 February 2025, the day before the 25th birthday, the case goes to KUI; on the birthday it does not")
    void under25Boundary() {
        fixture.givenNoPriorActivity()
                .when(receive(TURNS_25, AABENRAA, Paragraph.SEL85, LocalDate.of(2025, 2, 28), false, Set.of(),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class))
                        .containsExactly(new CaseRoutedToUnit(APPLICATION, KUI, RuleId.SEL85_UNDER25))));
        fixture.givenNoPriorActivity()
                .when(receive(TURNS_25, AABENRAA, Paragraph.SEL85, LocalDate.of(2025, 3, 1), false, Set.of(),
                        service("STØTTE", "SOCIAL_LIFE")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class)).isEmpty()));
    }

    @Test
    @DisplayName("SEL85-UNDER25: a routed case is KUI's: another team's caseworker cannot take it, and it is decided only by a KUI caseworker (004 § 12)")
    void routingChangesTeamAndWhoDecides() {
        LocalDate received = LocalDate.of(2025, 2, 28);
        ApplicationReceived young = received(TURNS_25, AABENRAA, Paragraph.SEL85, received, false, Set.of(),
                service("STØTTE", "SOCIAL_LIFE"));
        CaseRoutedToUnit routed = new CaseRoutedToUnit(APPLICATION, KUI, RuleId.SEL85_UNDER25);
        fixture.given(young, routed)
                .when(new AssignCaseworker(APPLICATION, "Voksen Handicap", "cw-adult", null))
                .expectException(violationOf("SEL85-UNDER25", "team"));
        fixture.given(young, routed)
                .when(new AssignCaseworker(APPLICATION, null, "cw-kui", null))
                .expectEvents(new CaseworkerAssigned(APPLICATION, KUI, "cw-kui"));
        fixture.given(young, routed, assessmentAttached(received, "SOCIAL_LIFE", 2))
                .when(decide(received.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-UNDER25", "caseworker"));
        fixture.given(young, routed, assessmentAttached(received, "SOCIAL_LIFE", 2), new CaseworkerAssigned(APPLICATION, KUI, "cw-kui"))
                .when(decide(received.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("SEL101-GUARANTEE: met when treatment starts; not given when the citizen uses free choice of provider")
    void guaranteeMetOrNotGiven() {
        // Received as a command: the test shows that the guarantee's schedule is cancelled.
        fixture.givenCommands(receive(LEJRE, Paragraph.SEL101, MONDAY_2024, service("AMBULANT", "HEALTH")))
                .when(new NoteTreatmentStarted(APPLICATION, LocalDate.of(2024, 3, 13)))
                .expectEvents(new TreatmentStarted(APPLICATION, treatmentGuarantee(), LocalDate.of(2024, 3, 13)))
                .expectNoScheduledDeadlines();
        fixture.givenNoPriorActivity()
                .when(receive(ADULT, LEJRE, Paragraph.SEL101, MONDAY_2024, false, Set.of(FREE_CHOICE_OF_TREATMENT_PROVIDER),
                        service("AMBULANT", "HEALTH")))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, TreatmentGuaranteeSet.class)).isEmpty()));
    }

    @Test
    void anApplicationNamesItsServices() {
        fixture.givenNoPriorActivity()
                .when(receive(LEJRE, Paragraph.SEL85, MONDAY_2024))
                .expectException(violationOf("SEL85-PARTIAL", "services"))
                .expectNoEvents();
    }
}
