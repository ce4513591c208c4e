package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.HoursDrawn;
import dk.grantlifecycle.domain.grant.GrantCommands.GrantCompanionExpenses;
import dk.grantlifecycle.domain.grant.GrantCommands.MoveHours;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordHolidaySupport;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.CompanionExpensesGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.CompanionHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursMoved;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.HolidaySupportRecorded;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts a running grant keeps: § 97 companion hours saved in a ledger, § 98 contact hours
 * moved but not saved, the companion expenses subsidy and § 85 support on holiday. The hour scheme
 * comes with the granting event, as the decision copied it from the rules.
 */
class HourAccountsTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);

    private final GrantTerms companion = Terms.none().hoursPerMonth(15).build();
    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    /** A Lejre grant under {@code paragraph} whose service started {@code on}. */
    private TestExecutor<Grant> givenStarted(Paragraph paragraph, GrantTerms terms, LocalDate on) {
        return fixture.given(granted(paragraph, DECIDED, terms), started(paragraph, on));
    }

    @Test
    @DisplayName("SEL97-SAVE-90H: unused hours are saved and the oldest are used first")
    void oldestHoursFirst() {
        givenStarted(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                .andGiven(new CompanionHoursUsed(GRANT, CASE, YearMonth.of(2025, 1), BigDecimal.valueOf(5),
                        List.of(new HoursDrawn(YearMonth.of(2025, 1), BigDecimal.valueOf(5))), BigDecimal.TEN))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 2), BigDecimal.valueOf(20)))
                .expectEvents(new CompanionHoursUsed(GRANT, CASE, YearMonth.of(2025, 2), BigDecimal.valueOf(20),
                        List.of(new HoursDrawn(YearMonth.of(2025, 1), BigDecimal.TEN),
                                new HoursDrawn(YearMonth.of(2025, 2), BigDecimal.TEN)),
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
                .containsExactly(new HoursDrawn(YearMonth.of(2025, 4), BigDecimal.ONE));
    }

    @Test
    @DisplayName("SEL97-SAVE-90H: no more than the saved hours (at most 90) can be used")
    void notMoreThanSaved() {
        givenStarted(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(91)))
                .expectException(violationOf("SEL97-SAVE-90H", "hours"));
        givenStarted(Paragraph.SEL97, companion, LocalDate.of(2025, 1, 10))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(90)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("SEL97-DEDUCT: with escort deducted, the month credits fewer hours")
    void deductedHoursCreditLess() {
        givenStarted(Paragraph.SEL97, Terms.none().hoursPerMonth(11).deductedHours(4).build(), LocalDate.of(2025, 1, 10))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 1), BigDecimal.valueOf(12)))
                .expectException(violationOf("SEL97-SAVE-90H", "hours"));
    }

    @Test
    @DisplayName("SEL97-SAVE-90H: the companion expenses subsidy is up to the year's rate, once a year")
    void companionExpenses() {
        fixture.given(granted(Paragraph.SEL97, DECIDED, companion))
                .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("1041")))
                .expectEvents(new CompanionExpensesGranted(GRANT, CASE, 2025, new BigDecimal("1041")));
        fixture.given(granted(Paragraph.SEL97, DECIDED, companion))
                .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("1100")))
                .expectException(violationOf("SEL97-SAVE-90H", "amount"));
        fixture.given(granted(Paragraph.SEL97, DECIDED, companion), new CompanionExpensesGranted(GRANT, CASE, 2025, new BigDecimal("500")))
                .when(new GrantCompanionExpenses(GRANT, 2025, new BigDecimal("500")))
                .expectException(violationOf("SEL97-SAVE-90H", "year"));
        fixture.given(granted(Paragraph.SEL97, DECIDED, companion))
                .when(new GrantCompanionExpenses(GRANT, 2026, new BigDecimal("500")))
                .expectException(violationOf("SEL97-SAVE-90H", "year"));
    }

    @Test
    @DisplayName("SEL98-HOURS: § 98 hours are not saved, but may be moved when they could not be used")
    void section98HoursMoveButDoNotSave() {
        GrantTerms tenAMonth = Terms.none().hoursPerMonth(10).build();
        LocalDate start = LocalDate.of(2025, 11, 3);
        givenStarted(Paragraph.SEL98, tenAMonth, start)
                .andGiven(new ContactHoursUsed(GRANT, CASE, YearMonth.of(2025, 11), BigDecimal.valueOf(4)))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(12)))
                .expectException(violationOf("SEL98-HOURS", "hours"));
        givenStarted(Paragraph.SEL98, tenAMonth, start)
                .andGiven(new ContactHoursUsed(GRANT, CASE, YearMonth.of(2025, 11), BigDecimal.valueOf(4)))
                .when(new MoveHours(GRANT, YearMonth.of(2025, 11), YearMonth.of(2025, 12), BigDecimal.valueOf(3), null))
                .expectException(violationOf("SEL98-HOURS", "reason"));
        givenStarted(Paragraph.SEL98, tenAMonth, start)
                .andGiven(new ContactHoursUsed(GRANT, CASE, YearMonth.of(2025, 11), BigDecimal.valueOf(4)),
                        new ContactHoursMoved(GRANT, CASE, YearMonth.of(2025, 11), YearMonth.of(2025, 12), BigDecimal.valueOf(3),
                                "the contact person was ill"))
                .when(new RecordHoursUsed(GRANT, YearMonth.of(2025, 12), BigDecimal.valueOf(13)))
                .expectEvents(new ContactHoursUsed(GRANT, CASE, YearMonth.of(2025, 12), BigDecimal.valueOf(13)));
    }

    @Test
    @DisplayName("SEL85-HOLIDAY-7D: § 85 support follows on holiday in Denmark up to 7 days a year")
    void holidayDays() {
        LocalDate start = LocalDate.of(2025, 9, 1);
        givenStarted(Paragraph.SEL85, Terms.sel85().build(), start)
                .andGiven(new HolidaySupportRecorded(GRANT, CASE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), 5, 5))
                .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), true))
                .expectException(violationOf("SEL85-HOLIDAY-7D", "to"));
        givenStarted(Paragraph.SEL85, Terms.sel85().build(), start)
                .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), false))
                .expectException(violationOf("SEL85-HOLIDAY-7D", "inDenmark"));
        givenStarted(Paragraph.SEL85, Terms.sel85().build(), start)
                .andGiven(new HolidaySupportRecorded(GRANT, CASE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), 5, 5))
                .when(new RecordHolidaySupport(GRANT, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), true))
                .expectEvents(new HolidaySupportRecorded(GRANT, CASE, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2), 2, 7));
    }
}
