package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.rules.DeliveryChannel;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.Copenhagen;
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

    // The legal safeguards of a grant line: complaint windows, complaints and reconsideration,
    // Ankestyrelsen's outcomes, notice before reduction, decision content, hearings, receipt, shelters.

    private static final DecisionId REDUCTION = DecisionId.of("decision-0002");
    private static final DecisionId CHANGE = DecisionId.of("decision-0003");

    private static OpenGrant open(Paragraph p, Outcome outcome, MunicipalityId m, LocalDate decidedOn) {
        var hours = TestRules.SHIPPED.inForce(m, p, decidedOn).rules().hours();
        ServiceDecision d = new ServiceDecision(GRANT, p, "SERVICE", "service", outcome,
                outcome == Outcome.GRANTED ? Terms.sel85().build() : null, List.of(), outcome == Outcome.REJECTED ? "no" : null,
                List.of(), List.of(), true, ActionPlanDuty.NOT_REQUIRED, null, List.of(), null, hours);
        return new OpenGrant(GRANT, APPLICATION, DECISION, decidedOn, CITIZEN, m,
                new RuleSetVersion(m.value(), null, LocalDate.of(2018, 7, 1)), d, content(), decidedOn);
    }

    private static OpenGrant openGranted(Paragraph p) {
        return open(p, Outcome.GRANTED, LEJRE, DECIDED);
    }

    private static ReceiveComplaint complaint(String id, DecisionId decision, LocalDate on) {
        return new ReceiveComplaint(GRANT, id, decision, on, ComplaintForm.WRITTEN, ComplaintSubject.DECISION, "I disagree");
    }

    private static ReconsiderComplaint upheld(String id, LocalDate on) {
        return new ReconsiderComplaint(GRANT, id, on, ReconsiderationOutcome.UPHELD, "the decision stands", null, null,
                List.of("decision letter", "VUM assessment", "complaint"));
    }

    private static ReduceScope reduce(LocalDate on, LocalDate effectiveOn) {
        return new ReduceScope(GRANT, REDUCTION, on, Terms.sel85().goals("fewer hours").build(), effectiveOn, content(),
                Delivery.digitalPost(on), false, null);
    }

    private static TerminateGrant terminate(LocalDate on) {
        return new TerminateGrant(GRANT, REDUCTION, on, EndReason.NO_EXPECTED_EFFECT, null, null, content(),
                Delivery.digitalPost(on), false, false, null);
    }

    @Nested
    class ComplaintWindow {

        @Test
        @DisplayName("COMPLAINT-WINDOW: a complaint within 4 weeks of receipt is on time; it closes the window and starts reconsideration")
        void complaintOnTime() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 29)))
                    .expectEventsMatching(payloads(events -> {
                        ComplaintReceived received = ofType(events, ComplaintReceived.class).get(0);
                        assertThat(received.late()).isFalse();
                        assertThat(received.windowEndsOn()).isEqualTo(LocalDate.of(2025, 9, 29));
                        assertThat(ofType(events, ComplaintWindowClosed.class)).hasSize(1);
                        ReconsiderationDeadlineSet reconsider = ofType(events, ReconsiderationDeadlineSet.class).get(0);
                        assertThat(reconsider.ruleId()).isEqualTo("COMPLAINT-RECONSIDER");
                        assertThat(reconsider.dueOn()).isEqualTo(LocalDate.of(2025, 10, 27));
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-WINDOW: a late complaint is recorded as late, never dropped, and still reconsidered")
        void lateComplaintIsKept() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 30)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class).get(0).late()).isTrue();
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-WINDOW: without a complaint the window closes when its last day has passed")
        void windowPasses() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.GRANTED, LEJRE, DECIDED))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 9, 30)))
                    .expectEvents(new ComplaintWindowClosed(GRANT, DECISION, GRANT + "/complaint-window/" + DECISION,
                            "the complaint window passed without a complaint"));
        }

        @Test
        @DisplayName("COMPLAINT-ANY-FORM: an oral complaint without a written text counts like a written one")
        void oralComplaint() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED))
                    .when(new ReceiveComplaint(GRANT, "complaint-1", DECISION, LocalDate.of(2025, 9, 10), ComplaintForm.ORAL,
                            ComplaintSubject.DECISION, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class).get(0).form()).isEqualTo(ComplaintForm.ORAL);
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).hasSize(1);
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-NOT-APPEALABLE: a complaint about the § 85 provider choice is recorded and refused with its reason")
        void providerChoiceIsNotAppealable() {
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(new ReceiveComplaint(GRANT, "complaint-1", DECISION, LocalDate.of(2025, 9, 10), ComplaintForm.EMAIL,
                            ComplaintSubject.PROVIDER_CHOICE, "I want another provider"))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReceived.class)).hasSize(1);
                        assertThat(ofType(events, ComplaintNotAppealable.class)).singleElement()
                                .satisfies(n -> assertThat(n.ruleId()).isEqualTo("COMPLAINT-NOT-APPEALABLE"));
                        assertThat(ofType(events, ReconsiderationDeadlineSet.class)).isEmpty();
                    }));
        }
    }

    @Nested
    class Reconsideration {

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: an upheld decision goes to Ankestyrelsen with the case material and its own deadline")
        void upheldIsEscalated() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintReconsidered.class)).hasSize(1);
                        ComplaintEscalatedToAnkestyrelsen sent = ofType(events, ComplaintEscalatedToAnkestyrelsen.class).get(0);
                        assertThat(sent.caseMaterial()).containsExactly("decision letter", "VUM assessment", "complaint");
                        assertThat(sent.expectedBy()).isEqualTo(LocalDate.of(2025, 12, 1));
                        assertThat(sent.ruleId()).isEqualTo("APPEAL-OUTCOME");
                    }));
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: an upheld complaint is not sent on without the list of case material")
        void escalationNeedsMaterial() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 6), ReconsiderationOutcome.UPHELD,
                            "stands", null, null, List.of()))
                    .expectException(violationOf("COMPLAINT-RECONSIDER", "caseMaterial"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: changed in the citizen's favour, the complaint ends and a new decision grants the service")
        void changedInFavour() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 1),
                            ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information", CHANGE, Terms.sel85().build(), null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class)).isEmpty();
                        DecisionChangedInFavour changed = ofType(events, DecisionChangedInFavour.class).get(0);
                        assertThat(changed.nowGranted()).isTrue();
                        assertThat(changed.newDecisionId()).isEqualTo(CHANGE);
                        assertThat(changed.cadences()).extracting(c -> c.rule()).containsExactly("SEL85-FOLLOWUP-6M");
                        assertThat(ofType(events, ComplaintWindowOpened.class)).singleElement()
                                .satisfies(w -> assertThat(w.decisionId()).isEqualTo(CHANGE));
                    }));
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)),
                            new ReconsiderComplaint(GRANT, "complaint-1", LocalDate.of(2025, 10, 1),
                                    ReconsiderationOutcome.CHANGED_IN_FAVOUR, "new information", CHANGE, Terms.sel85().build(), null))
                    .when(new StartService(GRANT, LocalDate.of(2025, 10, 6), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("COMPLAINT-RECONSIDER: the reconsideration deadline fires when 4 weeks have passed without a reconsideration")
        void reconsiderationDue() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 13)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDue.class)).singleElement()
                            .satisfies(d -> assertThat(d.dueOn()).isEqualTo(LocalDate.of(2025, 10, 13)))));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: Ankestyrelsen's outcome is recorded; a decision not received by the expected date is flagged")
        void appealOutcome() {
            fixture.givenCurrentTime(Copenhagen.startOf(DECIDED))
                    .andGivenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)), upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 12, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, AppealDecisionOverdue.class)).hasSize(1)));
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)), upheld("complaint-1", LocalDate.of(2025, 10, 6)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.REMITTED, LocalDate.of(2025, 11, 20),
                            LocalDate.of(2025, 11, 21), "ANK-25-123"))
                    .expectEvents(new AppealDecided(GRANT, APPLICATION.value(), "complaint-1", DECISION, AppealOutcome.REMITTED,
                            LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 21), "ANK-25-123",
                            GRANT + "/escalation/complaint-1"));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: an outcome is recorded only for a complaint that is at Ankestyrelsen")
        void appealOutcomeNeedsAnEscalation() {
            fixture.givenCommands(open(Paragraph.SEL85, Outcome.REJECTED, LEJRE, DECIDED),
                            complaint("complaint-1", DECISION, LocalDate.of(2025, 9, 15)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, null, LocalDate.of(2025, 11, 21), null))
                    .expectException(dk.grantlifecycle.domain.shared.InvalidState.class);
        }

        @Test
        @DisplayName("BPA-COMPLAINT-2W: a complaint about ending BPA is reconsidered within 2 weeks")
        void bpaEndingTwoWeeks() {
            fixture.givenCommands(openGranted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)))
                    .when(complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                            .singleElement().satisfies(r -> {
                                assertThat(r.ruleId()).isEqualTo("BPA-COMPLAINT-2W");
                                assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 10, 22));
                            })));
        }
    }

    @Nested
    class Notice {

        @Test
        @DisplayName("NOTICE-3A-14W: a BPA reduction takes effect 14 weeks after receipt, past Easter; the current scope runs until then")
        void bpaReductionAfterFourteenWeeks() {
            LocalDate decided = LocalDate.of(2025, 12, 29);
            LocalDate effective = LocalDate.of(2026, 4, 7);
            fixture.givenCommands(openGranted(Paragraph.SEL96))
                    .when(reduce(decided, null))
                    .expectEventsMatching(payloads(events -> {
                        ScopeReduced reduced = ofType(events, ScopeReduced.class).get(0);
                        assertThat(reduced.noticeRule()).isEqualTo("NOTICE-3A-14W");
                        assertThat(reduced.effectiveOn()).isEqualTo(effective);
                        assertThat(ofType(events, ReductionTookEffect.class)).isEmpty();
                        assertThat(ofType(events, ReductionNoticeGiven.class)).singleElement().satisfies(n -> {
                            assertThat(n.effectiveOn()).isEqualTo(effective);
                            assertThat(n.ruleId()).isEqualTo("NOTICE-3A-14W");
                        });
                    }))
                    .expectScheduledDeadlineWithName(Copenhagen.startOf(effective), DecisionLog.EFFECT_DEADLINE);
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(openGranted(Paragraph.SEL96), reduce(decided, null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()
                            .satisfies(t -> assertThat(t.effectiveOn()).isEqualTo(effective))));
        }

        @Test
        @DisplayName("NOTICE-3A-14W: ending § 98 contact-person support waits 14 weeks although Lejre's document says 14 days")
        void section98EndingWaitsFourteenWeeks() {
            fixture.givenCommands(open(Paragraph.SEL98, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 10, 6)))
                    .when(terminate(LocalDate.of(2025, 11, 3)))
                    .expectEventsMatching(payloads(events -> {
                        GrantTerminated t = ofType(events, GrantTerminated.class).get(0);
                        assertThat(t.noticeRule()).isEqualTo("NOTICE-3A-14W");
                        assertThat(t.effectiveOn()).isEqualTo(LocalDate.of(2026, 2, 9));
                        assertThat(ofType(events, GrantEnded.class)).isEmpty();
                    }));
        }

        @Test
        @DisplayName("NOTICE-3A-14W: a later effective date the decision names is kept; an earlier one is moved to the notice's end")
        void laterDateKept() {
            fixture.givenCommands(openGranted(Paragraph.SEL96))
                    .when(reduce(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                            .isEqualTo(LocalDate.of(2026, 3, 1))));
            fixture.givenCommands(openGranted(Paragraph.SEL96))
                    .when(reduce(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).effectiveOn())
                            .isEqualTo(LocalDate.of(2026, 1, 7))));
        }

        @Test
        @DisplayName("COMPLAINT-NO-SUSPENSION: a complaint does not stop a § 85 reduction from taking effect")
        void complaintDoesNotSuspend() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            LocalDate effective = LocalDate.of(2025, 11, 1);
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(openGranted(Paragraph.SEL85), reduce(decided, effective),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 10)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ReductionTookEffect.class)).hasSize(1);
                        assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).isEmpty();
                    }));
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(reduce(decided, null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReductionTookEffect.class)).singleElement()
                            .satisfies(t -> assertThat(t.effectiveOn()).isEqualTo(decided))));
        }

        @Test
        @DisplayName("COMPLAINT-NO-SUSPENSION: a suspension granted by Ankestyrelsen holds the reduction back until the appeal is decided")
        void suspensionHoldsTheEffect() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            LocalDate effective = LocalDate.of(2025, 11, 1);
            List<Object> history = List.of(openGranted(Paragraph.SEL85), reduce(decided, effective),
                    complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 10)), upheld("complaint-1", LocalDate.of(2025, 10, 20)));
            fixture.givenCommands(history)
                    .when(new RecordSuspension(GRANT, "complaint-1", LocalDate.of(2025, 10, 24), "ANK-25-9"))
                    .expectEvents(new SuspensionGrantedByAnkestyrelsen(GRANT, "complaint-1", REDUCTION, LocalDate.of(2025, 10, 24), "ANK-25-9"));
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(history)
                    .andGivenCommands(new RecordSuspension(GRANT, "complaint-1", LocalDate.of(2025, 10, 24), "ANK-25-9"))
                    .whenTimeAdvancesTo(Copenhagen.startOf(effective))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                            .satisfies(s -> assertThat(s.ruleId()).isEqualTo("COMPLAINT-NO-SUSPENSION"))));
        }

        @Test
        @DisplayName("NOTICE-3A-COMPLAINT: a complaint about a notice decision: 2 weeks to reconsider, 8 weeks for Ankestyrelsen")
        void noticeComplaintSchedule() {
            fixture.givenCommands(openGranted(Paragraph.SEL96), reduce(LocalDate.of(2025, 10, 1), null))
                    .when(complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 20)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ReconsiderationDeadlineSet.class))
                            .singleElement().satisfies(r -> {
                                assertThat(r.ruleId()).isEqualTo("NOTICE-3A-COMPLAINT");
                                assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 11, 3));
                            })));
            fixture.givenCommands(openGranted(Paragraph.SEL96), reduce(LocalDate.of(2025, 10, 1), null),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 20)))
                    .when(upheld("complaint-1", LocalDate.of(2025, 11, 3)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ComplaintEscalatedToAnkestyrelsen.class))
                            .singleElement().satisfies(e -> {
                                assertThat(e.ruleId()).isEqualTo("NOTICE-3A-COMPLAINT");
                                assertThat(e.expectedBy()).isEqualTo(LocalDate.of(2025, 12, 29));
                            })));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: in Lejre an upheld ending of BPA does not take effect before Ankestyrelsen has decided")
        void bpaEndingWaitsForAnkestyrelsen() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            List<Object> history = List.of(openGranted(Paragraph.SEL96), terminate(decided),
                    complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)));
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(history)
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2026, 1, 7)))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, EffectSuspendedPendingAppeal.class)).singleElement()
                                .satisfies(s -> assertThat(s.ruleId()).isEqualTo("BPA-SUSPENSIVE"));
                        assertThat(ofType(events, GrantEnded.class)).isEmpty();
                    }));
            setUp();
            fixture.givenCommands(history)
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, LocalDate.of(2025, 12, 10),
                            LocalDate.of(2025, 12, 11), "ANK-25-44"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).isEmpty()));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: after the held-back date an upheld appeal ends BPA on the day its decision is received")
        void heldEndingEndsOnAppeal() {
            GrantEvent.EffectSuspendedPendingAppeal held = new EffectSuspendedPendingAppeal(GRANT, REDUCTION, "complaint-1",
                    "BPA-SUSPENSIVE", GRANT + "/effect/" + REDUCTION);
            fixture.givenCommands(openGranted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .andGiven(held)
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.UPHELD, LocalDate.of(2026, 2, 2),
                            LocalDate.of(2026, 2, 3), "ANK-26-1"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).singleElement()
                            .satisfies(e -> assertThat(e.endedOn()).isEqualTo(LocalDate.of(2026, 2, 3)))));
        }

        @Test
        @DisplayName("BPA-SUSPENSIVE: the rule is Lejre's; in Gladsaxe the ending takes effect on its date")
        void suspensiveIsLocal() {
            LocalDate decided = LocalDate.of(2025, 10, 1);
            fixture.givenCurrentTime(Copenhagen.startOf(decided))
                    .andGivenCommands(open(Paragraph.SEL96, Outcome.GRANTED, GLADSAXE, DECIDED), terminate(decided),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2026, 1, 7)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, GrantEnded.class)).hasSize(1)));
        }

        @Test
        @DisplayName("APPEAL-OUTCOME: an ending Ankestyrelsen annuls is revoked and the grant continues")
        void annulledEndingIsRevoked() {
            fixture.givenCommands(openGranted(Paragraph.SEL96), terminate(LocalDate.of(2025, 10, 1)),
                            complaint("complaint-1", REDUCTION, LocalDate.of(2025, 10, 8)), upheld("complaint-1", LocalDate.of(2025, 10, 20)))
                    .when(new RecordAppealDecision(GRANT, "complaint-1", AppealOutcome.ANNULLED, LocalDate.of(2025, 12, 1),
                            LocalDate.of(2025, 12, 2), "ANK-25-77"))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, DecisionRevoked.class)).hasSize(1)))
                    .expectNoScheduledDeadlineWithName(Copenhagen.startOf(LocalDate.of(2026, 1, 7)), DecisionLog.EFFECT_DEADLINE);
        }
    }

    @Nested
    class ContentHearingReceipt {

        @Test
        @DisplayName("DECISION-CONTENT: a reduction is not recorded without reasons and complaint guidance")
        void reductionNeedsContent() {
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null, null, null, false, null))
                    .expectException(violationOf("DECISION-CONTENT", "content"))
                    .expectNoEvents();
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, DECIDED, Terms.sel85().build(), null,
                            new DecisionContent("SEL § 85", "d", "f", null), null, false, null))
                    .expectException(violationOf("DECISION-CONTENT", "content.complaintGuidance"));
        }

        @Test
        @DisplayName("DECISION-CONTENT: the complaint guidance names the deadline, counted from receipt")
        void guidanceNamesTheDeadline() {
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(reduce(LocalDate.of(2025, 11, 28), null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ScopeReduced.class).get(0).content()
                            .complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 12, 29))));
        }

        @Test
        @DisplayName("RECEIPT: a decision sent on paper counts as received 5 hverdage later; the complaint window runs from then")
        void paperReceipt() {
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 12, 22), Terms.sel85().build(), null, content(),
                            new Delivery(DeliveryChannel.PAPER, LocalDate.of(2025, 12, 22), null), false, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, ScopeReduced.class).get(0).receivedByCitizenOn()).isEqualTo(LocalDate.of(2025, 12, 31));
                        assertThat(ofType(events, ComplaintWindowOpened.class).get(0).endsOn()).isEqualTo(LocalDate.of(2026, 1, 28));
                    }));
        }

        @Test
        @DisplayName("HEARING: a decision against the citizen on facts not seen waits until the citizen is heard")
        void hearingBeforeReduction() {
            ReduceScope onUnseenFacts = new ReduceScope(GRANT, REDUCTION, LocalDate.of(2025, 10, 20), Terms.sel85().build(), null,
                    content(), null, true, null);
            HearCitizen hear = new HearCitizen(GRANT, "hearing-1", LocalDate.of(2025, 10, 1), null, "the provider's report");
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(onUnseenFacts)
                    .expectException(violationOf("HEARING", "factsNotSeenByCitizen"));
            fixture.givenCommands(openGranted(Paragraph.SEL85))
                    .when(hear)
                    .expectEventsMatching(payloads(events -> assertThat(events).singleElement().isInstanceOfSatisfying(
                            HearingRequested.class, h -> assertThat(h.answerDueOn()).isEqualTo(LocalDate.of(2025, 10, 15)))));
            fixture.givenCommands(openGranted(Paragraph.SEL85), hear)
                    .when(onUnseenFacts)
                    .expectException(violationOf("HEARING"));
            fixture.givenCommands(openGranted(Paragraph.SEL85), hear,
                            new RecordHearingAnswer(GRANT, "hearing-1", LocalDate.of(2025, 10, 10), "I see it differently"))
                    .when(onUnseenFacts)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("HEARING: without an answer, the decision may follow when the answer deadline has passed")
        void hearingDeadlinePasses() {
            fixture.givenCurrentTime(Copenhagen.startOf(LocalDate.of(2025, 10, 1)))
                    .andGivenCommands(openGranted(Paragraph.SEL85),
                            new HearCitizen(GRANT, "hearing-1", LocalDate.of(2025, 10, 1), null, "the provider's report"))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 10, 16)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, HearingAnswerDeadlinePassed.class))
                            .singleElement().satisfies(h -> assertThat(h.answerDueOn()).isEqualTo(LocalDate.of(2025, 10, 15)))));
        }
    }

    @Nested
    class Shelter {

        @Test
        @DisplayName("SHELTER-NOTIFY: the shelter informs the municipality within 3 hverdage of admission, across Easter")
        void admissionNotice() {
            OpenGrant stay = open(Paragraph.SEL110, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 4, 15));
            fixture.givenCommands(stay)
                    .when(new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationDue.class)).singleElement()
                            .satisfies(n -> {
                                assertThat(n.kind()).isEqualTo(ShelterNotice.ADMISSION);
                                assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 4, 24));
                            })));
            fixture.givenCommands(stay, new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .when(new RecordShelterNotification(GRANT, ShelterNotice.ADMISSION, LocalDate.of(2025, 4, 23)))
                    .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                            .isInstanceOfSatisfying(ShelterNotified.class, n -> assertThat(n.late()).isFalse())));
            setUp();
            fixture.givenCurrentTime(Copenhagen.startOf(LocalDate.of(2025, 4, 15)))
                    .andGivenCommands(stay, new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .whenTimeAdvancesTo(Copenhagen.startOf(LocalDate.of(2025, 4, 25)))
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ShelterNotificationOverdue.class)).hasSize(1)));
        }

        @Test
        @DisplayName("SHELTER-NOTIFY: a discharge is notified within 3 hverdage too")
        void dischargeNotice() {
            fixture.givenCommands(open(Paragraph.SEL110, Outcome.GRANTED, LEJRE, LocalDate.of(2025, 4, 15)),
                            new StartService(GRANT, LocalDate.of(2025, 4, 16), null))
                    .when(new TerminateGrant(GRANT, REDUCTION, LocalDate.of(2025, 12, 23), EndReason.GOALS_MET, null, null,
                            content(), null, false, false, null))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, GrantEnded.class)).hasSize(1);
                        assertThat(ofType(events, ShelterNotificationDue.class)).singleElement().satisfies(n -> {
                            assertThat(n.kind()).isEqualTo(ShelterNotice.DISCHARGE);
                            assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 12, 30));
                        });
                    }));
        }
    }
}
