package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

class GrantTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final RuleSetVersion VERSION = new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1));

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(TestRules.SHIPPED);
        fixture.registerIgnoredField(ComplaintWindowOpened.class, "scheduleId");
    }

    static ServiceDecision decision(Paragraph paragraph, Outcome outcome, GrantTerms terms, ActionPlanDuty plan) {
        var hours = TestRules.SHIPPED.inForce(LEJRE, paragraph, DECIDED).rules().hours();
        return new ServiceDecision(GRANT, paragraph, "SERVICE", "service", outcome, terms, List.of(), null, List.of(), List.of(),
                true, plan, null, List.of(), null, hours);
    }

    static ServiceGranted granted(Paragraph paragraph, GrantTerms terms, ActionPlanDuty plan, MunicipalityId m) {
        return new ServiceGranted(GRANT, APPLICATION.value(), APPLICATION, DECISION, DECIDED, CITIZEN, m, VERSION,
                decision(paragraph, Outcome.GRANTED, terms, plan), content(), DECIDED);
    }

    static ServiceGranted granted(Paragraph paragraph, GrantTerms terms) {
        return granted(paragraph, terms, ActionPlanDuty.NOT_REQUIRED, LEJRE);
    }

    private TestExecutor<Grant> started(Paragraph paragraph, GrantTerms terms, LocalDate on) {
        return fixture.given(granted(paragraph, terms), new ServiceStarted(GRANT, APPLICATION.value(), paragraph, on));
    }

    @Nested
    class Opening {

        @Test
        void aGrantedOutcomeOpensTheGrantOnce() {
            ServiceDecision d = decision(Paragraph.SEL85, Outcome.GRANTED, Terms.sel85().build(), ActionPlanDuty.CONSIDER);
            OpenGrant open = new OpenGrant(GRANT, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, d, content(), DECIDED);
            fixture.givenNoPriorActivity().when(open)
                    .expectEvents(new ServiceGranted(GRANT, APPLICATION.value(), APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE,
                            VERSION, d, content(), DECIDED),
                            new ComplaintWindowOpened(GRANT, APPLICATION.value(), DECISION, DECIDED, LocalDate.of(2025, 9, 29),
                                    GRANT + "/complaint-window/" + DECISION, null));
            fixture.givenCommands(open).when(open).expectNoEvents();
        }

        @Test
        void aRejectedOutcomeIsKeptAsADecisionButNeverStarts() {
            ServiceDecision d = decision(Paragraph.SEL85, Outcome.REJECTED, null, ActionPlanDuty.NOT_REQUIRED);
            fixture.given(new ServiceRejected(GRANT, APPLICATION.value(), APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE,
                            VERSION, d, content(), DECIDED))
                    .when(new StartService(GRANT, DECIDED, null))
                    .expectException(InvalidState.class);
        }

        @Test
        @DisplayName("SEL99-NO-VISITATION: outreach contact starts without application or assessment, anonymously if need be")
        void outreachWithoutVisitation() {
            fixture.givenNoPriorActivity()
                    .when(new StartOutreachContact(GRANT, LEJRE, null, DECIDED, "street outreach"))
                    .expectEvents(new OutreachContactStarted(GRANT, LEJRE, null, DECIDED, "street outreach",
                            new RuleSetVersion("lejre", LocalDate.of(2025, 3, 24), LocalDate.of(2018, 7, 1))));
        }

        @Test
        @DisplayName("SEL99-NO-VISITATION: asked for a decision, outreach support gets one with reasons and complaint guidance")
        void outreachWrittenDecision() {
            OutreachContactStarted started = new OutreachContactStarted(GRANT, LEJRE, null, DECIDED, "street outreach", VERSION);
            fixture.given(started)
                    .when(new IssueWrittenDecision(GRANT, DECISION, DECIDED.plusDays(3), new DecisionContent("§ 99", null, null, null)))
                    .expectException(violationOf("SEL99-NO-VISITATION", "content"));
            fixture.given(started)
                    .when(new IssueWrittenDecision(GRANT, DECISION, DECIDED.plusDays(3), content()))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events.get(0)).isInstanceOfSatisfying(WrittenDecisionIssued.class, w ->
                                assertThat(w.content().complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 10, 2)));
                        assertThat(events.get(1)).isInstanceOf(ComplaintWindowOpened.class);
                    }));
        }
    }

    @Nested
    class Principles {

        @Test
        @DisplayName("ACTION-PLAN: when it must be offered, the service does not start before the offer; the citizen may decline")
        void actionPlanBeforeStart() {
            ServiceGranted g = granted(Paragraph.SEL85, Terms.sel85().build(), ActionPlanDuty.MUST_OFFER, LEJRE);
            fixture.given(g)
                    .when(new StartService(GRANT, DECIDED.plusDays(7), null))
                    .expectException(violationOf("ACTION-PLAN"));
            fixture.given(g, new ActionPlanOffered(GRANT, DECIDED), new ActionPlanAnswered(GRANT, DECIDED.plusDays(2), false))
                    .when(new StartService(GRANT, DECIDED.plusDays(7), null))
                    .expectEvents(new ServiceStarted(GRANT, APPLICATION.value(), Paragraph.SEL85, DECIDED.plusDays(7)));
        }

        @Test
        @DisplayName("ACTION-PLAN: the offer and the answer are events; an answer needs an offer")
        void actionPlanOfferAndAnswer() {
            ServiceGranted g = granted(Paragraph.SEL85, Terms.sel85().build(), ActionPlanDuty.CONSIDER, LEJRE);
            fixture.given(g).when(new AnswerActionPlan(GRANT, DECIDED, true)).expectException(violationOf("ACTION-PLAN"));
            fixture.given(g).when(new OfferActionPlan(GRANT, DECIDED)).expectEvents(new ActionPlanOffered(GRANT, DECIDED));
            fixture.given(g, new ActionPlanOffered(GRANT, DECIDED)).when(new AnswerActionPlan(GRANT, DECIDED.plusDays(1), true))
                    .expectEvents(new ActionPlanAnswered(GRANT, DECIDED.plusDays(1), true));
        }

        @Test
        @DisplayName("NO-FAMILY-PROVIDER: a relative is the § 85 provider only when an individual assessment finds it best")
        void familyProvider() {
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new AssignProvider(GRANT, DECIDED, "sister", ProviderRelation.RELATIVE, null, false, false))
                    .expectException(violationOf("NO-FAMILY-PROVIDER", "individualAssessment"));
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new AssignProvider(GRANT, DECIDED, "sister", ProviderRelation.RELATIVE,
                            "she is the only person the citizen lets in", false, false))
                    .expectEvents(new ProviderAssigned(GRANT, "sister", ProviderRelation.RELATIVE,
                            "she is the only person the citizen lets in", false, List.of("NO-FAMILY-PROVIDER")));
        }

        @Test
        @DisplayName("NO-FREE-CHOICE: no free choice for § 85; § 108 among comparable offers not considerably more expensive")
        void freeChoice() {
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new AssignProvider(GRANT, DECIDED, "Bostøtten ApS", ProviderRelation.NONE, null, true, true))
                    .expectException(violationOf("NO-FREE-CHOICE", "citizenChoice"));
            fixture.given(granted(Paragraph.SEL108, Terms.none().build()))
                    .when(new AssignProvider(GRANT, DECIDED, "Bofællesskabet", ProviderRelation.NONE, null, true, false))
                    .expectException(violationOf("NO-FREE-CHOICE", "comparableOffer"));
            fixture.given(granted(Paragraph.SEL108, Terms.none().build()))
                    .when(new AssignProvider(GRANT, DECIDED, "Bofællesskabet", ProviderRelation.NONE, null, true, true))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("END-REASONS: a grant ends for a named reason, by a decision")
        void endReasons() {
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new TerminateGrant(GRANT, DecisionId.of("decision-0002"), DECIDED.plusMonths(6), null, null, null,
                            content(), null, false, false, null))
                    .expectException(violationOf("END-REASONS", "reason"));
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new TerminateGrant(GRANT, DecisionId.of("decision-0002"), DECIDED.plusMonths(6), EndReason.GOALS_MET,
                            null, null, content(), null, false, false, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events.get(0)).isInstanceOfSatisfying(GrantTerminated.class, t -> {
                            assertThat(t.reason()).isEqualTo(EndReason.GOALS_MET);
                            assertThat(t.effectiveOn()).isEqualTo(DECIDED.plusMonths(6));
                        });
                        assertThat(ofType(events, GrantEnded.class)).singleElement()
                                .satisfies(e -> assertThat(e.endedOn()).isEqualTo(DECIDED.plusMonths(6)));
                    }));
        }

        @Test
        @DisplayName("EXCL-99-SUPPLEMENT: § 99 supplements and never replaces § 85, § 83, § 97 or § 110 aftercare")
        void section99NeverReplaces() {
            fixture.given(granted(Paragraph.SEL85, Terms.sel85().build()))
                    .when(new TerminateGrant(GRANT, DecisionId.of("decision-0002"), DECIDED.plusMonths(6),
                            EndReason.CITIZEN_NO_LONGER_WANTS_IT, null, Paragraph.SEL99, content(), null, false, false, null))
                    .expectException(violationOf("EXCL-99-SUPPLEMENT", "replacedBy"));
        }
    }

    @Nested
    class Hours {

        private final GrantTerms companion = Terms.none().hoursPerMonth(15).build();

        @Test
        @DisplayName("SEL97-SAVE-90H: unused hours are saved and the oldest are used first")
        void oldestHoursFirst() {
            started(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                    .andGiven(new CompanionHoursUsed(GRANT, YearMonth.of(2025, 1), BigDecimal.valueOf(5),
                            List.of(new CompanionHoursLedger.Draw(YearMonth.of(2025, 1), BigDecimal.valueOf(5))), BigDecimal.TEN))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 2), BigDecimal.valueOf(20)))
                    .expectEvents(new CompanionHoursUsed(GRANT, YearMonth.of(2025, 2), BigDecimal.valueOf(20),
                            List.of(new CompanionHoursLedger.Draw(YearMonth.of(2025, 1), BigDecimal.TEN),
                                    new CompanionHoursLedger.Draw(YearMonth.of(2025, 2), BigDecimal.TEN)),
                            BigDecimal.valueOf(5)));
        }

        @Test
        @DisplayName("SEL97-SAVE-90H: a month's unused hours expire 6 months later, only that month's")
        void monthsExpireOneByOne() {
            CompanionHoursLedger ledger = new CompanionHoursLedger(YearMonth.of(2025, 1), BigDecimal.valueOf(15), 90, 6);
            assertThat(ledger.balance(YearMonth.of(2025, 6))).isEqualByComparingTo("90");
            assertThat(ledger.balance(YearMonth.of(2025, 7))).as("January's hours expired, July's credited").isEqualByComparingTo("90");
            ledger.record(YearMonth.of(2025, 7), BigDecimal.valueOf(30));
            assertThat(ledger.balance(YearMonth.of(2025, 7))).isEqualByComparingTo("60");
            assertThat(ledger.plan(YearMonth.of(2025, 8), BigDecimal.ONE)).as("March is now the oldest")
                    .containsExactly(new CompanionHoursLedger.Draw(YearMonth.of(2025, 4), BigDecimal.ONE));
        }

        @Test
        @DisplayName("SEL97-SAVE-90H: no more than the saved hours (at most 90) can be used")
        void notMoreThanSaved() {
            started(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(91)))
                    .expectException(violationOf("SEL97-SAVE-90H", "hours"));
            started(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(90)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("SEL97-DEDUCT: with escort deducted, the month credits fewer hours")
        void deductedHoursCreditLess() {
            started(Paragraph.SEL97, Terms.none().hoursPerMonth(11).deductedHours(4).build(), LocalDate.of(2025, 1, 10))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 1), BigDecimal.valueOf(12)))
                    .expectException(violationOf("SEL97-SAVE-90H", "hours"));
        }

        @Test
        @DisplayName("SEL97-SAVE-90H: the companion expenses subsidy is up to the year's rate, once a year")
        void companionExpenses() {
            fixture.given(granted(Paragraph.SEL97, companion))
                    .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("1041")))
                    .expectEvents(new CompanionExpensesGranted(GRANT, 2025, new BigDecimal("1041")));
            fixture.given(granted(Paragraph.SEL97, companion))
                    .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("1100")))
                    .expectException(violationOf("SEL97-SAVE-90H", "amount"));
            fixture.given(granted(Paragraph.SEL97, companion), new CompanionExpensesGranted(GRANT, 2025, new BigDecimal("500")))
                    .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("500")))
                    .expectException(violationOf("SEL97-SAVE-90H", "year"));
            fixture.given(granted(Paragraph.SEL97, companion))
                    .when(new GrantCompanionExpenses(GRANT, 2026, new BigDecimal("500")))
                    .expectException(violationOf("SEL97-SAVE-90H", "year"));
        }

        @Test
        @DisplayName("SEL98-HOURS: § 98 hours are not saved, but may be moved when they could not be used")
        void section98HoursMoveButDoNotSave() {
            GrantTerms tenAMonth = Terms.none().hoursPerMonth(10).build();
            LocalDate start = LocalDate.of(2025, 11, 3);
            started(Paragraph.SEL98, tenAMonth, start)
                    .andGiven(new ContactHoursUsed(GRANT, YearMonth.of(2025, 11), BigDecimal.valueOf(4)))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(12)))
                    .expectException(violationOf("SEL98-HOURS", "hours"));
            started(Paragraph.SEL98, tenAMonth, start)
                    .andGiven(new ContactHoursUsed(GRANT, YearMonth.of(2025, 11), BigDecimal.valueOf(4)))
                    .when(new MoveHours(GRANT, YearMonth.of(2025, 11), YearMonth.of(2025, 12), BigDecimal.valueOf(3), null))
                    .expectException(violationOf("SEL98-HOURS", "reason"));
            started(Paragraph.SEL98, tenAMonth, start)
                    .andGiven(new ContactHoursUsed(GRANT, YearMonth.of(2025, 11), BigDecimal.valueOf(4)),
                            new ContactHoursMoved(GRANT, YearMonth.of(2025, 11), YearMonth.of(2025, 12), BigDecimal.valueOf(3),
                                    "the contact person was ill"))
                    .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(13)))
                    .expectEvents(new ContactHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(13)));
        }

        @Test
        @DisplayName("SEL85-HOLIDAY-7D: § 85 support follows on holiday in Denmark up to 7 days a year")
        void holidayDays() {
            LocalDate start = LocalDate.of(2025, 9, 1);
            started(Paragraph.SEL85, Terms.sel85().build(), start)
                    .andGiven(new HolidaySupportRecorded(GRANT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), 5, 5))
                    .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), true))
                    .expectException(violationOf("SEL85-HOLIDAY-7D", "to"));
            started(Paragraph.SEL85, Terms.sel85().build(), start)
                    .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), false))
                    .expectException(violationOf("SEL85-HOLIDAY-7D", "inDenmark"));
            started(Paragraph.SEL85, Terms.sel85().build(), start)
                    .andGiven(new HolidaySupportRecorded(GRANT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), 5, 5))
                    .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), true))
                    .expectEvents(new HolidaySupportRecorded(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), 2, 7));
        }
    }

    @Nested
    class Payments {

        private AssessOwnPayment stay(LocalDate from, LocalDate to, boolean income) {
            return new AssessOwnPayment(GRANT, from, to, income, null, null, false);
        }

        @Test
        @DisplayName("OWN-PAYMENT: a § 110 shelter stay costs the year's daily rate per night; nothing without income")
        void shelterOwnPayment() {
            fixture.given(granted(Paragraph.SEL110, Terms.none().build()))
                    .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 11), true))
                    .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                            .isEqualByComparingTo("1007.70")));
            fixture.given(granted(Paragraph.SEL109, Terms.none().build()))
                    .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3), true))
                    .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                            .isEqualByComparingTo("194.60")));
            fixture.given(granted(Paragraph.SEL110, Terms.none().build()))
                    .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 11), false))
                    .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                            .isEqualByComparingTo("0")));
        }

        @Test
        @DisplayName("OWN-PAYMENT: a year without an adopted (indexed) rate is refused, not guessed")
        void missingRateIsRefused() {
            fixture.given(granted(Paragraph.SEL110, Terms.none().build()))
                    .when(stay(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), true))
                    .expectException(violationOf("OWN-PAYMENT", "from"));
        }

        @Test
        @DisplayName("OWN-PAYMENT: in a § 107 stay the citizen keeps at least 4,000 kr a month (2,500 with meals)")
        void section107KeepsMinimum() {
            fixture.given(granted(Paragraph.SEL107, Terms.none().build()))
                    .when(new AssessOwnPayment(GRANT, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), true,
                            new BigDecimal("10000"), new BigDecimal("7000"), false))
                    .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                            .isEqualByComparingTo("6000")));
            fixture.given(granted(Paragraph.SEL107, Terms.none().build()))
                    .when(new AssessOwnPayment(GRANT, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), true,
                            new BigDecimal("10000"), new BigDecimal("8000"), true))
                    .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                            .isEqualByComparingTo("7500")));
        }

        @Test
        @DisplayName("SEL103-WAGE: within 10 km the citizen pays daily transport, but never more than 30 % of net earnings")
        void section103Transport() {
            fixture.given(granted(Paragraph.SEL103, Terms.none().build()))
                    .when(new AssessTransportContribution(GRANT, YearMonth.of(2025, 3), new BigDecimal("8"),
                            new BigDecimal("600"), new BigDecimal("1500")))
                    .expectEvents(new TransportContributionAssessed(GRANT, YearMonth.of(2025, 3), new BigDecimal("450.00"),
                            new BigDecimal("150.00")));
            fixture.given(granted(Paragraph.SEL103, Terms.none().build()))
                    .when(new AssessTransportContribution(GRANT, YearMonth.of(2025, 3), new BigDecimal("20"),
                            new BigDecimal("600"), new BigDecimal("1500")))
                    .expectEvents(new TransportContributionAssessed(GRANT, YearMonth.of(2025, 3), new BigDecimal("300.00"),
                            new BigDecimal("300.00")));
        }
    }
}
