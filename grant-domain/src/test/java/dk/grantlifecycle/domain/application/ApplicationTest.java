package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.*;
import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.grant.DecisionContent;
import dk.grantlifecycle.domain.grant.Delivery;
import dk.grantlifecycle.domain.grant.ServiceDecision;
import dk.grantlifecycle.domain.rules.DeliveryChannel;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.rules.FollowUpKind;
import dk.grantlifecycle.domain.rules.ParagraphRules.PlaceSize;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.rules.Fact.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    private static final LocalDate AUTUMN_2025 = LocalDate.of(2025, 9, 1);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(TestRules.SHIPPED);
        fixture.registerIgnoredField(CaseProcessingDeadlineSet.class, "scheduleId");
        fixture.registerIgnoredField(TreatmentGuaranteeSet.class, "scheduleId");
    }

    private ApplicationDecided decidedIn(List<Object> events) {
        return ofType(events, ApplicationDecided.class).get(0);
    }

    private ServiceDecision outcome(List<Object> events, int i) {
        return decidedIn(events).outcomes().get(i);
    }

    @Nested
    class Receipt {

        @Test
        @DisplayName("CASE-DEADLINE: a Lejre § 85 application gets the published 5-week case-processing deadline")
        void lejreSection85ApplicationGetsFiveWeekDeadline() {
            LocalDate due = MONDAY_2024.plusWeeks(5);
            fixture.givenNoPriorActivity()
                    .when(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS")))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events.get(0)).isInstanceOf(ApplicationReceived.class);
                        ApplicationReceived received = (ApplicationReceived) events.get(0);
                        assertThat(received.ruleSetVersion()).isEqualTo(
                                new RuleSetVersion("lejre", LocalDate.of(2015, 9, 7), LocalDate.of(2018, 7, 1)));
                        CaseProcessingDeadlineSet deadline = ofType(events, CaseProcessingDeadlineSet.class).get(0);
                        assertThat(deadline.dueOn()).isEqualTo(due);
                        assertThat(deadline.ruleId()).isEqualTo("CASE-DEADLINE");
                    }))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), Application.CASE_DEADLINE);
        }

        @Test
        @DisplayName("CASE-DEADLINE: Aabenraa's § 85 deadline is 2 calendar months")
        void aabenraaSection85DeadlineIsTwoMonths() {
            fixture.givenNoPriorActivity()
                    .when(receive(AABENRAA, Paragraph.SEL85, LocalDate.of(2024, 1, 31), service("STRUKTUR", "SOCIAL_LIFE")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseProcessingDeadlineSet.class).get(0).dueOn())
                            .isEqualTo(LocalDate.of(2024, 3, 31))));
        }

        @Test
        @DisplayName("CASE-ACUTE: an acute application is due at once and closed when acute support starts")
        void acuteApplicationIsDueAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, true, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseProcessingDeadlineSet.class))
                            .extracting(CaseProcessingDeadlineSet::ruleId, CaseProcessingDeadlineSet::dueOn)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("CASE-ACUTE", MONDAY_2024),
                                    org.assertj.core.groups.Tuple.tuple("CASE-DEADLINE", MONDAY_2024.plusWeeks(5)))))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(MONDAY_2024), Application.CASE_DEADLINE);
        }

        @Test
        @DisplayName("CASE-ACUTE: starting acute support meets the acute deadline and cancels it")
        void acuteSupportMeetsTheAcuteDeadline() {
            fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, true, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                    .when(new StartAcuteSupport(APPLICATION, MONDAY_2024, "daily visits until decided"))
                    .expectEvents(new AcuteSupportStarted(APPLICATION, APPLICATION + "/case-processing/1", MONDAY_2024,
                            "daily visits until decided"))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(MONDAY_2024), Application.CASE_DEADLINE);
        }

        @Test
        @DisplayName("CASE-ACUTE: acute support cannot be started on an application not marked acute")
        void acuteSupportNeedsAnAcuteApplication() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                    .when(new StartAcuteSupport(APPLICATION, MONDAY_2024, "x"))
                    .expectException(violationOf("CASE-ACUTE"));
        }

        @Test
        @DisplayName("SEL85-UNDER25: in Aabenraa an applicant under 25 is routed to the youth unit KUI")
        void aabenraaRoutesUnder25ToKui() {
            fixture.givenNoPriorActivity()
                    .when(receive(YOUNG, AABENRAA, Paragraph.SEL85, MONDAY_2024, false, Set.of(), service("STØTTE", "SOCIAL_LIFE")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, CaseRoutedToUnit.class))
                            .containsExactly(new CaseRoutedToUnit(APPLICATION, "KUI (den kommunale ungeindsats)", "SEL85-UNDER25"))));
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

        @Test
        @DisplayName("SEL101-GUARANTEE: a request for drug treatment must see treatment start within 14 days")
        void drugTreatmentGuaranteeRunsFourteenDays() {
            LocalDate due = MONDAY_2024.plusDays(14);
            fixture.givenNoPriorActivity()
                    .when(receive(LEJRE, Paragraph.SEL101, MONDAY_2024, service("AMBULANT", "HEALTH")))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, TreatmentGuaranteeSet.class).get(0).dueOn())
                            .isEqualTo(due)))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(due), Application.GUARANTEE_DEADLINE);

            fixture.givenCommands(receive(LEJRE, Paragraph.SEL101, MONDAY_2024, service("AMBULANT", "HEALTH")))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new TreatmentGuaranteeBreached(APPLICATION, APPLICATION + "/treatment-guarantee", due));
        }

        @Test
        @DisplayName("SEL101-GUARANTEE: met when treatment starts; not given when the citizen uses free choice of provider")
        void guaranteeMetOrNotGiven() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL101, MONDAY_2024, service("AMBULANT", "HEALTH")))
                    .when(new NoteTreatmentStarted(APPLICATION, MONDAY_2024.plusDays(9)))
                    .expectEvents(new TreatmentStarted(APPLICATION, APPLICATION + "/treatment-guarantee", MONDAY_2024.plusDays(9)))
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

    @Nested
    class CaseProcessingDeadline {

        @Test
        @DisplayName("CASE-DEADLINE-LETTER: a deadline reached without a decision fires, and the letter sets the new date")
        void deadlineReachedThenCitizenInformed() {
            LocalDate due = MONDAY_2024.plusWeeks(5);
            String key = APPLICATION + "/case-processing/1";
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                    .whenTimeAdvancesTo(Copenhagen.startOf(due))
                    .expectEvents(new CaseProcessingDeadlineReached(APPLICATION, key, due, "CASE-DEADLINE"))
                    .expectTriggeredDeadlinesWithName(Application.CASE_DEADLINE);

            LocalDate expected = due.plusWeeks(3);
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                    .when(new InformCitizenOfDelay(APPLICATION, due, expected, "awaiting the doctor's statement"))
                    .expectEvents(new CitizenInformedOfDelay(APPLICATION, key, due, expected, "awaiting the doctor's statement"),
                            new CaseProcessingDeadlineSet(APPLICATION, APPLICATION + "/case-processing/2", expected,
                                    "CASE-DEADLINE-LETTER", null))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(expected), Application.CASE_DEADLINE)
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(due), Application.CASE_DEADLINE);
        }

        @Test
        @DisplayName("CASE-DEADLINE: a decision closes the deadline, which then never fires")
        void decisionClosesTheDeadline() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(2), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(decidedIn(events).closedDeadlineKeys())
                            .containsExactly(APPLICATION + "/case-processing/1")))
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("CASE-DEADLINE: a deadline payload for a closed deadline is ignored")
        void staleDeadlineIsIgnored() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2),
                            decide(MONDAY_2024.plusWeeks(2), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .whenInvoking(APPLICATION.value(), a -> a.caseDeadlineReached(
                            new DeadlinePayload(APPLICATION + "/case-processing/1", MONDAY_2024.plusWeeks(5))))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("CASE-REMITTED: a remitted case reopens with a new case-processing deadline from receipt of Ankestyrelsen's decision")
        void remittedCaseReopens() {
            LocalDate received = LocalDate.of(2024, 9, 2);
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2),
                            decide(MONDAY_2024.plusWeeks(2), rejected("STØTTE", GRANT, "the need is met by the drop-in centre")))
                    .when(new ReopenAfterRemittal(APPLICATION, received, "ANK-2024-17"))
                    .expectEvents(new CaseRemitted(APPLICATION, received, "ANK-2024-17"),
                            new CaseProcessingDeadlineSet(APPLICATION, APPLICATION + "/case-processing/2",
                                    received.plusWeeks(5), "CASE-REMITTED", null))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(received.plusWeeks(5)), Application.CASE_DEADLINE);
        }

        @Test
        @DisplayName("CASE-REMITTED: Ankestyrelsen's decision is needed to reopen a case")
        void remittalNeedsItsReceiptDate() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                    .when(new ReopenAfterRemittal(APPLICATION, null, "x"))
                    .expectException(violationOf("CASE-REMITTED", "receivedOn"));
        }

        @Test
        void aCaseIsDecidedOnce() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2),
                            decide(MONDAY_2024.plusWeeks(2), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectException(InvalidState.class);
        }

        @Test
        void referralClosesTheCase() {
            fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(RECEIVES_STATE_PENSION),
                            service("PRAKTISK", "PRACTICAL_TASKS")))
                    .when(new ReferElsewhere(APPLICATION, "§ 83 praktisk hjælp", "the citizen receives state pension",
                            List.of("SEL85-PENSIONER"), MONDAY_2024.plusDays(3), null))
                    .expectEvents(new ApplicationReferredElsewhere(APPLICATION, "§ 83 praktisk hjælp",
                            "the citizen receives state pension", List.of("SEL85-PENSIONER"), MONDAY_2024.plusDays(3),
                            List.of(APPLICATION + "/case-processing/1")))
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Decision {

        @Test
        @DisplayName("SEL85-PARTIAL: each requested service gets its own outcome, granted or rejected")
        void partialGrant() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS"),
                                    service("NETVÆRK", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "PRACTICAL_TASKS", 3, "SOCIAL_LIFE", 1))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("MADLAVNING", GRANT, Terms.sel85().build()),
                            rejected("NETVÆRK", GRANT_2, "mild problems only", "SEL85-TARGET")))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(decidedIn(events).outcomes()).extracting(ServiceDecision::serviceCode, ServiceDecision::outcome)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("MADLAVNING", ServiceDecision.Outcome.GRANTED),
                                        org.assertj.core.groups.Tuple.tuple("NETVÆRK", ServiceDecision.Outcome.REJECTED));
                    }));
        }

        @Test
        @DisplayName("SEL85-PARTIAL: a decision that leaves a requested service without outcome is refused")
        void everyServiceNeedsAnOutcome() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("MADLAVNING", "PRACTICAL_TASKS"),
                                    service("NETVÆRK", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "PRACTICAL_TASKS", 3, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("MADLAVNING", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("SEL85-PARTIAL", "outcomes"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("SEL85-TARGET: § 85 needs at least moderate (2) problems on the theme asked for")
        void section85NeedsModerateProblems() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("NETVÆRK", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1, "PRACTICAL_TASKS", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("NETVÆRK", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("SEL85-TARGET", "outcomes[0]"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("SEL85-TARGET: a rejection for levels 0-1 refers the citizen to open offers")
        void rejectionRefersToOpenOffers() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("NETVÆRK", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1))
                    .when(decide(MONDAY_2024.plusWeeks(3), rejected("NETVÆRK", GRANT, "mild problems only", "SEL85-TARGET")))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).referral())
                            .containsExactly("værested", "rådgivning", "frivillige grupper")));
        }

        @Test
        @DisplayName("ELIG-ADULT: services are for citizens aged 18 or more on the decision date")
        void minorIsRefused() {
            fixture.givenCommands(receive(MINOR, LEJRE, Paragraph.SEL85, LocalDate.of(2026, 5, 1), false, Set.of(),
                                    service("STØTTE", "SOCIAL_LIFE")),
                            assessed(LocalDate.of(2026, 5, 1), "SOCIAL_LIFE", 3))
                    .when(decide(LocalDate.of(2026, 6, 14), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("ELIG-ADULT", "outcomes[0]"));
            fixture.givenCommands(receive(MINOR, LEJRE, Paragraph.SEL85, LocalDate.of(2026, 5, 1), false, Set.of(),
                                    service("STØTTE", "SOCIAL_LIFE")),
                            assessed(LocalDate.of(2026, 5, 1), "SOCIAL_LIFE", 3))
                    .when(decide(LocalDate.of(2026, 6, 15), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("SEL85-PENSIONER: an applicant on state pension is assessed for § 83 first")
        void pensionerIsAssessedForSection83First() {
            fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(RECEIVES_STATE_PENSION),
                                    service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("SEL85-PENSIONER"));
            fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL85, MONDAY_2024, false, Set.of(RECEIVES_STATE_PENSION),
                                    service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SEL83_ASSESSED_FIRST), Set.of(),
                            granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).ruleIds()).contains("SEL85-PENSIONER")));
        }

        @Test
        @DisplayName("SEL85-NOT-TREATMENT: § 85 support cannot be treatment or therapy")
        void notTreatment() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("SAMTALER", "HEALTH")),
                            assessed(MONDAY_2024, "HEALTH", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(TREATMENT_OR_THERAPY), Set.of(),
                            granted("SAMTALER", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("SEL85-NOT-TREATMENT"));
        }

        @Test
        @DisplayName("SEL85-NOT-SINGLE-TASK: a single task does not by itself give § 85 support")
        void notSingleTask() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("LEDSAGELSE", "COMMUNITY_LIFE")),
                            assessed(MONDAY_2024, "COMMUNITY_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SINGLE_TASK_ONLY), Set.of(),
                            granted("LEDSAGELSE", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("SEL85-NOT-SINGLE-TASK"));
        }

        @Test
        @DisplayName("SEL85-GOALS: every granted service has a goal")
        void goalsAreRequired() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().goals().build())))
                    .expectException(violationOf("SEL85-GOALS", "outcomes[0].terms.goals"));
        }

        @Test
        @DisplayName("EXCL-85-COVERED: § 85 is not granted for a need already met by § 104 or a residential offer")
        void needAlreadyCovered() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(NEED_COVERED_BY_EXISTING_OFFER), Set.of(Paragraph.SEL104),
                            granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectException(violationOf("EXCL-85-COVERED"));
        }

        @Test
        @DisplayName("VUM-SCALE: a decision granting § 85 needs a completed assessment")
        void decisionNeedsAssessment() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectException(org.axonframework.test.matchers.Matchers.matches(t ->
                            t instanceof dk.grantlifecycle.domain.shared.RuleViolation));
        }
    }

    @Nested
    class SafeguardsOfTheDecision {

        private DecideApplication rejection(DecisionContent content, Delivery delivery, boolean unseenFacts) {
            return new DecideApplication(APPLICATION, DECISION, MONDAY_2024.plusWeeks(3),
                    List.of(rejected("STØTTE", GRANT, "mild problems only", "SEL85-TARGET")), Set.of(), Set.of(), content,
                    delivery, unseenFacts, null);
        }

        @Test
        @DisplayName("DECISION-CONTENT: a rejection is not recorded without reasons and complaint guidance")
        void rejectionNeedsContent() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1))
                    .when(rejection(null, null, false))
                    .expectException(violationOf("DECISION-CONTENT", "content"))
                    .expectNoEvents();
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1))
                    .when(rejection(new DecisionContent("SEL § 85", "d", "f", null), null, false))
                    .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
        }

        @Test
        @DisplayName("DECISION-CONTENT: a decision fully in the citizen's favour needs no complaint guidance; every decision records rules, version and receipt")
        void fullGrantRecordsItsBasis() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(new DecideApplication(APPLICATION, DECISION, MONDAY_2024.plusWeeks(3),
                            List.of(granted("STØTTE", GRANT, Terms.sel85().build())), Set.of(), Set.of(), null, null, false, null))
                    .expectEventsMatching(payloads(events -> {
                        ApplicationDecided d = decidedIn(events);
                        assertThat(d.ruleSetVersion()).isNotNull();
                        assertThat(d.outcomes().get(0).ruleIds()).contains("SEL85-TARGET");
                        assertThat(d.receivedByCitizenOn()).isEqualTo(MONDAY_2024.plusWeeks(3));
                    }));
        }

        @Test
        @DisplayName("RECEIPT: a decision letter on paper counts as received 5 hverdage after posting, across Easter")
        void paperReceipt() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1))
                    .when(rejection(content(), new Delivery(DeliveryChannel.PAPER, LocalDate.of(2024, 3, 26), null), false))
                    .expectEventsMatching(payloads(events -> {
                        ApplicationDecided d = decidedIn(events);
                        assertThat(d.deliveredBy()).isEqualTo(DeliveryChannel.PAPER);
                        assertThat(d.receivedByCitizenOn()).isEqualTo(LocalDate.of(2024, 4, 5));
                        assertThat(d.content().complaintGuidance().deadline()).isEqualTo(LocalDate.of(2024, 5, 3));
                    }));
        }

        @Test
        @DisplayName("HEARING: a rejection on facts the citizen has not seen waits for the citizen's answer")
        void hearingBeforeRejection() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1))
                    .when(rejection(content(), null, true))
                    .expectException(violationOf("HEARING", "factsNotSeenByCitizen"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 1),
                            new HearCitizen(APPLICATION, "hearing-1", MONDAY_2024.plusDays(7), null, "statement from the landlord"),
                            new RecordHearingAnswer(APPLICATION, "hearing-1", MONDAY_2024.plusDays(10), "it is not true"))
                    .when(rejection(content(), null, true))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Paragraphs {

        @Test
        @DisplayName("SEL103-TARGET: § 103 needs moderate to severe problems (C-D), not A-B and not E")
        void section103Levels() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, MONDAY_2024, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(MONDAY_2024, "COMMUNITY_LIFE", "E"))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectException(violationOf("SEL103-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, MONDAY_2024, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(MONDAY_2024, "COMMUNITY_LIFE", "C"))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("SEL103-TARGET: not from state pension age, and not when flex or skåne jobs can serve")
        void section103PensionAgeAndOtherSchemes() {
            fixture.givenCommands(receive(SENIOR, LEJRE, Paragraph.SEL103, LocalDate.of(2025, 4, 1), false, Set.of(),
                                    service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(LocalDate.of(2025, 4, 1), "COMMUNITY_LIFE", 2))
                    .when(decide(LocalDate.of(2025, 5, 2), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectException(violationOf("SEL103-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, MONDAY_2024, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(MONDAY_2024, "COMMUNITY_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(OTHER_SCHEME_CAN_SERVE), Set.of(),
                            granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectException(violationOf("SEL103-TARGET"));
        }

        @Test
        @DisplayName("SEL104-TARGET: § 104 is not for levels A-C, and not for a citizen who cannot be with others")
        void section104() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL104, MONDAY_2024, service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", "C"))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.FULL).build())))
                    .expectException(violationOf("SEL104-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL104, MONDAY_2024, service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", "D"))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(CANNOT_BE_WITH_OTHERS), Set.of(),
                            granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.FULL).build())))
                    .expectException(violationOf("SEL104-TARGET"));
        }

        @Test
        @DisplayName("SEL96-TARGET: BPA needs substantial permanent impairment, an extensive need and a work leader")
        void section96() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL96, MONDAY_2024, service("BPA", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 4))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SUBSTANTIAL_PERMANENT_IMPAIRMENT, EXTENSIVE_COMPOSITE_NEED),
                            Set.of(), granted("BPA", GRANT, Terms.none().build())))
                    .expectException(violationOf("SEL96-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL96, MONDAY_2024, service("BPA", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 4))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SUBSTANTIAL_PERMANENT_IMPAIRMENT, EXTENSIVE_COMPOSITE_NEED,
                            ABLE_TO_ACT_AS_WORK_LEADER), Set.of(), granted("BPA", GRANT, Terms.none().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).ruleIds()).contains("SEL96-TARGET")));
        }

        @Test
        @DisplayName("SEL97-TARGET: § 97 needs a citizen under state pension age who cannot move about alone, not from mental illness")
        void section97Target() {
            fixture.givenCommands(receive(SENIOR, LEJRE, Paragraph.SEL97, LocalDate.of(2025, 4, 1), false, Set.of(),
                                    service("LEDSAGER", "MOBILITY")),
                            assessed(LocalDate.of(2025, 4, 1), "MOBILITY", 3))
                    .when(decide(LocalDate.of(2025, 5, 1), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(),
                            granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectException(violationOf("SEL97-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE, IMPAIRMENT_FROM_MENTAL_ILLNESS_OR_SOCIAL_CAUSES),
                            Set.of(), granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectException(violationOf("SEL97-TARGET"));
        }

        @Test
        @DisplayName("SEL97-TARGET: granted just before pension age, the right is kept: no end or age review is planned")
        void section97KeptAfterPensionAge() {
            fixture.givenCommands(receive(SENIOR, LEJRE, Paragraph.SEL97, LocalDate.of(2025, 4, 1), false, Set.of(),
                                    service("LEDSAGER", "MOBILITY")),
                            assessed(LocalDate.of(2025, 4, 1), "MOBILITY", 3))
                    .when(decide(LocalDate.of(2025, 4, 30), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(),
                            granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectEventsMatching(payloads(events -> {
                        ServiceDecision d = outcome(events, 0);
                        assertThat(d.terms().validUntil()).isNull();
                        assertThat(d.cadences()).noneMatch(c -> c.kind() == FollowUpKind.AGE_REVIEW);
                    }));
        }

        @Test
        @DisplayName("SEL97-15H: 15 hours a month, not subject to individual assessment")
        void section97FifteenHours() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(),
                            granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hoursPerMonth())
                            .isEqualByComparingTo("15")));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(),
                            granted("LEDSAGER", GRANT, Terms.none().hoursPerMonth(20).build())))
                    .expectException(violationOf("SEL97-15H", "outcomes[0].terms.hoursPerMonth"));
        }

        @Test
        @DisplayName("SEL97-DEDUCT: escort already given by another service is deducted from the 15 hours")
        void section97Deduction() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(),
                            granted("LEDSAGER", GRANT, Terms.none().deductedHours(4).build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hoursPerMonth())
                            .isEqualByComparingTo("11")));
        }

        @Test
        @DisplayName("EXCL-BPA-97: a citizen with BPA cannot also get § 97")
        void bpaExcludesSection97() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(Paragraph.SEL96),
                            granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectException(violationOf("EXCL-BPA-97"));
        }

        @Test
        @DisplayName("EXCL-98-97: a citizen with a § 98 contact person cannot also get § 97")
        void section98ExcludesSection97() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                            assessed(MONDAY_2024, "MOBILITY", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE), Set.of(Paragraph.SEL98),
                            granted("LEDSAGER", GRANT, Terms.none().build())))
                    .expectException(violationOf("EXCL-98-97"));
        }

        @Test
        @DisplayName("SEL107-TARGET: a temporary residential stay needs less intrusive options tried first, and not for homelessness alone")
        void section107() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL107, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), granted("BOTILBUD", GRANT,
                            Terms.none().lessIntrusive("§ 85 in own home for 6 months").build())))
                    .expectException(violationOf("SEL107-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL107, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED, HOMELESSNESS_ONLY), Set.of(),
                            granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 85 in own home for 6 months").build())))
                    .expectException(violationOf("SEL107-TARGET"));
        }

        @Test
        @DisplayName("SEL108-TARGET: a long-term residential home needs less intrusive options assessed, and not for age-related frailty alone")
        void section108() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL108, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 4))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED, AGE_FRAILTY_ONLY), Set.of(),
                            granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 107 stay").build())))
                    .expectException(violationOf("SEL108-TARGET"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL108, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                            assessed(MONDAY_2024, "SELF_CARE", 4))
                    .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED), Set.of(),
                            granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 107 stay").build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).ruleIds()).contains("SEL108-TARGET")));
        }

        @Test
        @DisplayName("PLACE-SIZE: ½ place is 2 days, ¾ is 3, 1/1 is 4-5 days a week")
        void placeSizes() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL104, AUTUMN_2025, service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(AUTUMN_2025, "SOCIAL_LIFE", "D"))
                    .when(decide(AUTUMN_2025.plusWeeks(3), granted("SAMVÆR", GRANT,
                            Terms.none().placeSize(PlaceSize.FULL).daysPerWeek(3).build())))
                    .expectException(violationOf("PLACE-SIZE", "outcomes[0].terms.daysPerWeek"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL104, AUTUMN_2025, service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(AUTUMN_2025, "SOCIAL_LIFE", "D"))
                    .when(decide(AUTUMN_2025.plusWeeks(3), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().daysPerWeek()).isEqualTo(2)));
        }

        @Test
        @DisplayName("SEL103-WAGE: from 5 % of the minimum wage, as a rule at most 30 kr an hour")
        void section103Wage() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                    .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                            Terms.none().placeSize(PlaceSize.HALF).wage("6.00", "140.00").build())))
                    .expectException(violationOf("SEL103-WAGE", "outcomes[0].terms.hourlyWage"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                    .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                            Terms.none().placeSize(PlaceSize.HALF).wage("32.00", "140.00").build())))
                    .expectException(violationOf("SEL103-WAGE", "outcomes[0].terms.wageAboveRuleReason"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                            assessed(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                    .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                            Terms.none().placeSize(PlaceSize.HALF).wage("7.00", "140.00").build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hourlyWage())
                            .isEqualByComparingTo(BigDecimal.valueOf(7))));
        }
    }

    @Nested
    class ProcessPrinciples {

        @Test
        @DisplayName("GROUP-FIRST: individual support records why the impairment prevents group support")
        void groupFirst() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().individual(null).build())))
                    .expectException(violationOf("GROUP-FIRST", "outcomes[0].terms.individualReason"));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT,
                            Terms.sel85().individual("severe social anxiety prevents groups").build())))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("TEMPORARY-FIRST: § 85 is temporary by default; a permanent grant records why")
        void temporaryFirst() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().temporary()).isTrue()));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().permanent(null).build())))
                    .expectException(violationOf("TEMPORARY-FIRST"));
        }

        @Test
        @DisplayName("LEAST-INTRUSIVE: a grant records the less intrusive options considered or tried first")
        void leastIntrusive() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().lessIntrusive().build())))
                    .expectException(violationOf("LEAST-INTRUSIVE", "outcomes[0].terms.lessIntrusiveConsidered"));
        }

        @Test
        @DisplayName("ACTION-PLAN: substantially reduced functioning means an action plan must be offered; others under pension age are considered")
        void actionPlanDuty() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 3))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).actionPlan()).isEqualTo(ActionPlanDuty.MUST_OFFER)));
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).actionPlan()).isEqualTo(ActionPlanDuty.CONSIDER)));
        }
    }

    @Nested
    class RuleSetVersions {

        @Test
        @DisplayName("SEL85-REASSESS-12W: a first-time Lejre § 85 grant under the 2015 standard carries the 12-week reassessment")
        void firstTimeGrantUnderOldStandard() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> {
                        ApplicationDecided d = decidedIn(events);
                        assertThat(d.ruleSetVersion().adopted()).isEqualTo(LocalDate.of(2015, 9, 7));
                        assertThat(d.outcomes().get(0).firstGrant()).isTrue();
                        assertThat(d.outcomes().get(0).cadences()).singleElement().satisfies(c -> {
                            assertThat(c.rule()).isEqualTo("SEL85-REASSESS-12W");
                            assertThat(c.first()).isEqualTo(Period.ofWeeks(12));
                            assertThat(c.every()).isEqualTo(Period.ofMonths(6));
                        });
                    }));
        }

        @Test
        @DisplayName("SEL85-REASSESS-12W: a repeat § 85 grant is reassessed every 6 months, not after 12 weeks")
        void repeatGrantUnderOldStandard() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, MONDAY_2024, service("STØTTE", "SOCIAL_LIFE")),
                            assessed(MONDAY_2024, "SOCIAL_LIFE", 2))
                    .when(decide(MONDAY_2024.plusWeeks(3), Set.of(EARLIER_SEL85_SUPPORT), Set.of(),
                            granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).cadences()).singleElement()
                            .satisfies(c -> assertThat(c.first()).isEqualTo(Period.ofMonths(6)))));
        }

        @Test
        @DisplayName("SEL85-FOLLOWUP-6M: a Lejre § 85 decision from 11 August 2025 carries the half-yearly follow-up")
        void grantUnderNewStandard() {
            fixture.givenCommands(receive(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 7, 28), service("STØTTE", "SOCIAL_LIFE")),
                            assessed(AUTUMN_2025, "SOCIAL_LIFE", 2))
                    .when(decide(AUTUMN_2025, granted("STØTTE", GRANT, Terms.sel85().build())))
                    .expectEventsMatching(payloads(events -> {
                        ApplicationDecided d = decidedIn(events);
                        assertThat(d.ruleSetVersion().adopted()).isEqualTo(LocalDate.of(2025, 8, 11));
                        assertThat(d.outcomes().get(0).cadences()).extracting(c -> c.rule()).containsExactly("SEL85-FOLLOWUP-6M");
                    }));
        }

        @Test
        @DisplayName("SEL104-AGE67: a § 104 grant plans a review when the citizen turns 67")
        void section104AgeReview() {
            fixture.givenCommands(receive(SENIOR, LEJRE, Paragraph.SEL104, LocalDate.of(2025, 1, 6), false, Set.of(),
                                    service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(LocalDate.of(2025, 1, 6), "SOCIAL_LIFE", 4))
                    .when(decide(AUTUMN_2025.minusMonths(8), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectException(org.axonframework.test.matchers.Matchers.matches(t -> true));
            fixture.givenCommands(receive(ADULT, LEJRE, Paragraph.SEL104, AUTUMN_2025, false, Set.of(), service("SAMVÆR", "SOCIAL_LIFE")),
                            assessed(AUTUMN_2025, "SOCIAL_LIFE", 4))
                    .when(decide(AUTUMN_2025, granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).cadences())
                            .filteredOn(c -> c.kind() == FollowUpKind.AGE_REVIEW).singleElement()
                            .satisfies(c -> {
                                assertThat(c.rule()).isEqualTo("SEL104-AGE67");
                                assertThat(c.fixedDueOn()).isEqualTo(LocalDate.of(2057, 1, 1));
                            })));
        }
    }
    @Nested
    class GladsaxeCatalogue {

        private final LocalDate on = LocalDate.of(2024, 5, 6);

        private org.axonframework.test.aggregate.ResultValidator<Application> decideOne(String code, Set<dk.grantlifecycle.domain.rules.Fact> facts,
                                                                                       Terms terms, Object... scores) {
            return fixture.givenCommands(receive(GLADSAXE, Paragraph.SEL85, on, service(code)), assessed(on, scores))
                    .when(decide(on.plusWeeks(2), facts, Set.of(), granted(code, GRANT, terms.build())));
        }

        private Terms weekly() {
            return Terms.sel85().frequency(Period.ofWeeks(1));
        }

        @Test
        @DisplayName("GLX-MOVE: moving support needs 2-4 on practical tasks and is a limited service")
        void move() {
            decideOne("GLX-MOVE", Set.of(), weekly(), "PRACTICAL_TASKS", 4).expectSuccessfulHandlerExecution();
            decideOne("GLX-MOVE", Set.of(), weekly(), "PRACTICAL_TASKS", 1).expectException(violationOf("SEL85-TARGET"));
        }

        @Test
        @DisplayName("GLX-CLEAN: cleaning training needs 2-3 on practical tasks and is guidance only")
        void clean() {
            decideOne("GLX-CLEAN", Set.of(), weekly(), "PRACTICAL_TASKS", 3)
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).conditions())
                            .contains("never: the provider cleans without the citizen taking part (guidance only)")));
            decideOne("GLX-CLEAN", Set.of(), weekly(), "PRACTICAL_TASKS", 4).expectException(violationOf("GLX-CLEAN"));
        }

        @Test
        @DisplayName("GLX-LAUNDRY: laundry training needs 2-3 on practical tasks and is planned with GLX-CLEAN when both are granted")
        void laundry() {
            fixture.givenCommands(receive(GLADSAXE, Paragraph.SEL85, on, service("GLX-CLEAN"), service("GLX-LAUNDRY")),
                            assessed(on, "PRACTICAL_TASKS", 2))
                    .when(decide(on.plusWeeks(2), granted("GLX-CLEAN", GRANT, weekly().build()),
                            granted("GLX-LAUNDRY", GRANT_2, weekly().build())))
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 1).plannedWith()).isEqualTo("GLX-CLEAN")));
            decideOne("GLX-LAUNDRY", Set.of(), weekly(), "PRACTICAL_TASKS", 4).expectException(violationOf("GLX-LAUNDRY"));
        }

        @Test
        @DisplayName("GLX-TREATMENT: support to keep up treatment needs 2 on health, and 2-3 on mobility when traffic training is asked for")
        void treatment() {
            decideOne("GLX-TREATMENT", Set.of(), weekly(), "HEALTH", 2).expectSuccessfulHandlerExecution();
            decideOne("GLX-TREATMENT", Set.of(), weekly(), "HEALTH", 3).expectException(violationOf("GLX-TREATMENT"));
            decideOne("GLX-TREATMENT", Set.of(TRAFFIC_TRAINING_REQUESTED), weekly(), "HEALTH", 2, "MOBILITY", 4)
                    .expectException(violationOf("GLX-TREATMENT"));
        }

        @Test
        @DisplayName("GLX-SELFCARE: self-care training needs 2-3 on self-care")
        void selfCare() {
            decideOne("GLX-SELFCARE", Set.of(), weekly(), "SELF_CARE", 2).expectSuccessfulHandlerExecution();
            decideOne("GLX-SELFCARE", Set.of(), weekly(), "SELF_CARE", 4).expectException(violationOf("GLX-SELFCARE"));
        }

        @Test
        @DisplayName("GLX-ECONOMY: economy support needs 2-3 on both community life and communication, and never logs in with MitID")
        void economy() {
            decideOne("GLX-ECONOMY", Set.of(), weekly(), "COMMUNITY_LIFE", 2, "COMMUNICATION", 3)
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).conditions()).contains(
                            "never: logging in as the citizen with MitID",
                            "if untrainable: assess pension administration or guardianship")));
            decideOne("GLX-ECONOMY", Set.of(), weekly(), "COMMUNITY_LIFE", 2, "COMMUNICATION", 1)
                    .expectException(violationOf("GLX-ECONOMY"));
        }

        @Test
        @DisplayName("GLX-SHOPPING: shopping training needs 2-3 on practical tasks; if untrainable the § 83 scheme is assessed")
        void shopping() {
            decideOne("GLX-SHOPPING", Set.of(), weekly(), "PRACTICAL_TASKS", 2)
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).conditions())
                            .contains("if untrainable: assess the § 83 shopping scheme")));
            decideOne("GLX-SHOPPING", Set.of(), weekly(), "PRACTICAL_TASKS", 4).expectException(violationOf("GLX-SHOPPING"));
        }

        @Test
        @DisplayName("GLX-COOKING: cooking training needs 2-3 on practical tasks or health")
        void cooking() {
            decideOne("GLX-COOKING", Set.of(), weekly(), "PRACTICAL_TASKS", 1, "HEALTH", 2).expectSuccessfulHandlerExecution();
            decideOne("GLX-COOKING", Set.of(), weekly(), "PRACTICAL_TASKS", 4, "HEALTH", 1).expectException(violationOf("GLX-COOKING"));
        }

        @Test
        @DisplayName("GLX-NETWORK: activities and network need 2-3 on social life or communication")
        void network() {
            decideOne("GLX-NETWORK", Set.of(), weekly(), "COMMUNICATION", 3).expectSuccessfulHandlerExecution();
            decideOne("GLX-NETWORK", Set.of(), weekly(), "SOCIAL_LIFE", 4).expectException(violationOf("GLX-NETWORK"));
        }

        @Test
        @DisplayName("GLX-STRUCTURE: structure in everyday life needs 2-4 on social life, communication or community life")
        void structure() {
            decideOne("GLX-STRUCTURE", Set.of(), weekly(), "COMMUNITY_LIFE", 4).expectSuccessfulHandlerExecution();
            decideOne("GLX-STRUCTURE", Set.of(), weekly(), "SOCIAL_LIFE", 1, "COMMUNICATION", 1)
                    .expectException(violationOf("SEL85-TARGET"));
        }

        @Test
        @DisplayName("GLX-ESCORT: socio-educational escort needs 3-4 on most themes and the § 107/§ 108 conditions; never abroad")
        void escort() {
            Object[] most = {"PRACTICAL_TASKS", 3, "SELF_CARE", 4, "MOBILITY", 3, "SOCIAL_LIFE", 2};
            decideOne("GLX-ESCORT", Set.of(MEETS_SEL107_SEL108_CONDITIONS), Terms.sel85(), most)
                    .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).conditions()).contains("never: abroad")));
            decideOne("GLX-ESCORT", Set.of(), Terms.sel85(), most).expectException(violationOf("GLX-ESCORT"));
            decideOne("GLX-ESCORT", Set.of(MEETS_SEL107_SEL108_CONDITIONS), Terms.sel85(),
                    "PRACTICAL_TASKS", 3, "SELF_CARE", 2, "MOBILITY", 2, "SOCIAL_LIFE", 2).expectException(violationOf("GLX-ESCORT"));
        }

        @Test
        @DisplayName("GLX-RETAIN: levels kept as the source writes them (2 or 4), earlier § 85 support, 3-6 hours over 6 months")
        void retain() {
            decideOne("GLX-RETAIN", Set.of(EARLIER_SEL85_SUPPORT), Terms.sel85().hoursInPeriod(4), "MENTAL_IMPAIRMENT", 4)
                    .expectSuccessfulHandlerExecution();
            decideOne("GLX-RETAIN", Set.of(EARLIER_SEL85_SUPPORT), Terms.sel85().hoursInPeriod(4), "MENTAL_IMPAIRMENT", 3)
                    .expectException(violationOf("GLX-RETAIN"));
            decideOne("GLX-RETAIN", Set.of(), Terms.sel85().hoursInPeriod(4), "MENTAL_IMPAIRMENT", 4)
                    .expectException(violationOf("GLX-RETAIN"));
            decideOne("GLX-RETAIN", Set.of(EARLIER_SEL85_SUPPORT), Terms.sel85().hoursInPeriod(8), "MENTAL_IMPAIRMENT", 4)
                    .expectException(violationOf("GLX-RETAIN", "outcomes[0].terms.hoursInPeriod"));
        }

        @Test
        @DisplayName("GLX-CLEAN: visits are weekly or every 2nd, 3rd or 4th week")
        void frequencies() {
            decideOne("GLX-CLEAN", Set.of(), Terms.sel85().frequency(Period.ofWeeks(5)), "PRACTICAL_TASKS", 2)
                    .expectException(violationOf("GLX-CLEAN", "outcomes[0].terms.frequency"));
        }

        @Test
        @DisplayName("SEL85-TARGET: a service outside the municipality's catalogue is refused")
        void unknownService() {
            decideOne("GLX-UNKNOWN", Set.of(), weekly(), "PRACTICAL_TASKS", 2)
                    .expectException(violationOf("SEL85-TARGET", "outcomes[0].serviceCode"));
        }
    }
}
