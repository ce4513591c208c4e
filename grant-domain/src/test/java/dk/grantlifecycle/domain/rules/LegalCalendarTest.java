package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.DeliveryChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class LegalCalendarTest {

    private final LegalCalendar calendar = new LegalCalendar();

    /** The helligdage of a year by the law, from its Easter Sunday (store bededag until 2023). */
    private static Set<LocalDate> helligdage(int year, LocalDate easter) {
        Set<LocalDate> days = new TreeSet<>(Set.of(
                LocalDate.of(year, 1, 1), easter.minusDays(3), easter.minusDays(2), easter, easter.plusDays(1),
                easter.plusDays(39), easter.plusDays(49), easter.plusDays(50), LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        if (year <= 2023) {
            days.add(easter.plusDays(26));
        }
        return days;
    }

    @ParameterizedTest(name = "DEADLINE-COUNT: the helligdage of {0} (Easter {1})")
    @CsvSource({"2023, 2023-04-09", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21"})
    void helligdageOfTheYear(int year, LocalDate easter) {
        assertThat(new TreeSet<>(calendar.holidays(year))).isEqualTo(helligdage(year, easter));
    }

    @Test
    @DisplayName("DEADLINE-COUNT: store bededag is a helligdag in 2023 and an ordinary hverdag from 2024")
    void storeBededagAbolished() {
        assertThat(calendar.isHelligdag(LocalDate.of(2023, 5, 5))).isTrue();
        assertThat(calendar.isHverdag(LocalDate.of(2024, 4, 26))).isTrue();
        assertThat(calendar.isHverdag(LocalDate.of(2025, 5, 16))).isTrue();
    }

    @Test
    @DisplayName("DEADLINE-COUNT: grundlovsdag, 24 and 31 December are not helligdage; Sundays are")
    void notHelligdage() {
        assertThat(calendar.isHverdag(LocalDate.of(2025, 6, 5))).isTrue();
        assertThat(calendar.isHverdag(LocalDate.of(2025, 12, 24))).isTrue();
        assertThat(calendar.isHverdag(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(calendar.isHelligdag(LocalDate.of(2025, 12, 28))).isTrue();
        assertThat(calendar.isHverdag(LocalDate.of(2025, 12, 27))).as("Saturday").isFalse();
        assertThat(calendar.isHelligdag(LocalDate.of(2025, 12, 27))).as("Saturday is not a helligdag").isFalse();
    }

    @ParameterizedTest(name = "DEADLINE-COUNT: received {0}, {1} → last day {2}")
    @CsvSource({
            // the day of receipt is not counted: a week from Wednesday ends the next Wednesday
            "2025-03-05, P1W, 2025-03-12",
            "2025-03-03, P4W, 2025-03-31",
            // ends on 2. påskedag 2025 → Tuesday
            "2025-03-24, P4W, 2025-04-22",
            // ends on skærtorsdag 2026 → past langfredag, the weekend and 2. påskedag to Tuesday
            "2026-03-05, P4W, 2026-04-07",
            // ends on 2. juledag 2025 (Friday) → Monday 29 December
            "2025-11-28, P4W, 2025-12-29",
            // ends on juledag 2024 (Wednesday) → Friday 27 December
            "2024-11-27, P4W, 2024-12-27",
            // ends on a Saturday → Monday
            "2025-02-01, P4W, 2025-03-03",
            // ends on Kristi himmelfartsdag 2027 (6 May) → Friday
            "2027-04-08, P4W, 2027-05-07",
            // ends on 2. pinsedag 2028 (5 June) → Tuesday
            "2028-05-08, P4W, 2028-06-06",
            // receipt on skærtorsdag counts; the window ends four weeks later on a Thursday
            "2029-03-29, P4W, 2029-04-26",
            // ends on nytårsdag 2030 (Tuesday) → Wednesday
            "2029-12-04, P4W, 2030-01-02",
            // ends on langfredag 2030 (19 April) → Tuesday 23 April after Easter
            "2030-03-22, P4W, 2030-04-23",
            // the 14 weeks of NOTICE-3A-14W, ending on 2. påskedag 2026 → Tuesday
            "2025-12-29, P14W, 2026-04-07",
            // months end on the same date
            "2025-01-31, P2M, 2025-03-31"})
    void deadlineCountsFromReceipt(LocalDate received, Period period, LocalDate lastDay) {
        assertThat(calendar.deadlineAfterReceipt(received, period)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "SHELTER-NOTIFY: 3 hverdage after {0} is {1}")
    @CsvSource({
            "2025-04-16, 2025-04-24",
            "2025-04-17, 2025-04-24",
            "2025-12-23, 2025-12-30",
            "2026-05-13, 2026-05-19",
            "2025-06-04, 2025-06-10"})
    void hverdageSkipWeekendsAndHelligdage(LocalDate from, LocalDate expected) {
        assertThat(calendar.plusHverdage(from, 3)).isEqualTo(expected);
    }

    @Test
    @DisplayName("RECEIPT: Digital Post counts as received the day it is available; paper post after 5 hverdage")
    void receipt() {
        assertThat(calendar.receivedOn(DeliveryChannel.DIGITAL_POST, LocalDate.of(2025, 12, 24), null, 5))
                .isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(calendar.receivedOn(DeliveryChannel.PAPER, LocalDate.of(2025, 12, 22), null, 5))
                .as("across Christmas").isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(calendar.receivedOn(DeliveryChannel.PAPER, LocalDate.of(2026, 3, 31), null, 5))
                .as("across Easter").isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(calendar.receivedOn(DeliveryChannel.PAPER, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1), 5))
                .as("a recorded receipt date wins").isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void cadencesArePlainCalendarArithmetic() {
        assertThat(calendar.plus(LocalDate.of(2025, 8, 31), Period.ofMonths(6))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(calendar.plus(LocalDate.of(2025, 12, 22), Period.ofWeeks(12))).isEqualTo(LocalDate.of(2026, 3, 16));
    }
}
