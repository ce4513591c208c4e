package dk.grantlifecycle.domain.rules;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one place that computes legal dates. Danish public holidays (helligdage) come from the
 * jollyday library: Sundays, nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, store
 * bededag until 2023, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag.
 * Grundlovsdag, 24 and 31 December are not helligdage.
 * <p>
 * Two kinds of arithmetic: {@link #plus} for cadences (N weeks = 7N days, N months = calendar
 * months, no adjustment) and {@link #deadlineAfterReceipt} for deadlines that run from a receipt
 * (DEADLINE-COUNT).
 */
public final class LegalCalendar {

    private static final HolidayManager DENMARK =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));

    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    /** Plain period arithmetic for cadences: weeks are 7 days, months are calendar months. */
    public LocalDate plus(LocalDate date, Period period) {
        return date.plus(period);
    }

    /** A helligdag: a Sunday or a public holiday by law. */
    public boolean isHelligdag(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY || holidays(date.getYear()).contains(date);
    }

    /** A hverdag: Monday to Friday and not a helligdag. */
    public boolean isHverdag(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && !isHelligdag(date);
    }

    /** The first hverdag on or after {@code date}. */
    public LocalDate nextHverdagFrom(LocalDate date) {
        LocalDate d = date;
        while (!isHverdag(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The date {@code n} hverdage after {@code date}, the day itself not counted. */
    public LocalDate plusHverdage(LocalDate date, int n) {
        LocalDate d = date;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isHverdag(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * DEADLINE-COUNT: the day of receipt is not counted; a period in weeks ends on the same weekday
     * N weeks later (months on the same date); a last day on a Saturday, Sunday or helligdag moves
     * to the next hverdag. The returned date is the last day on which the act is in time.
     */
    public LocalDate deadlineAfterReceipt(LocalDate receivedOn, Period period) {
        return nextHverdagFrom(receivedOn.plus(period));
    }

    /** The helligdage of a year that are not Sundays, for display and tests. */
    public Set<LocalDate> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> DENMARK.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
