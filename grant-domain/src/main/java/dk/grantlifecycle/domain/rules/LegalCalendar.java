package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.AgeBand;
import dk.grantlifecycle.domain.shared.BirthDates;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dk.grantlifecycle.domain.decision.DeliveryChannel;

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

    public LocalDate minus(LocalDate date, Period period) {
        return date.minus(period);
    }

    /** ANONYMOUS: the birth dates a citizen who states the age band {@code band} on {@code statedOn} may have. */
    public BirthDates birthDates(AgeBand band, LocalDate statedOn) {
        LocalDate latest = minus(statedOn, Period.ofYears(band.from()));
        LocalDate earliest = band.to() == null ? LocalDate.of(1900, 1, 1)
                : dayAfter(minus(statedOn, Period.ofYears(band.to() + 1)));
        return new BirthDates(earliest, latest);
    }

    /** The day after {@code date}: a deadline that ends on a date has passed at the start of the next. */
    public LocalDate dayAfter(LocalDate date) {
        return date.plusDays(1);
    }

    /**
     * RECEIPT: a decision sent by Digital Post (or handed over) counts as received the day it is
     * available, normally the day sent; a paper letter counts as received the given number of
     * hverdage after posting, unless the actual receipt date is recorded.
     */
    public LocalDate receivedOn(DeliveryChannel channel, LocalDate sentOn, LocalDate recordedReceipt,
                                int paperPostHverdage) {
        if (recordedReceipt != null) {
            return recordedReceipt;
        }
        return switch (channel == null ? DeliveryChannel.DIGITAL_POST : channel) {
            case DIGITAL_POST, IN_PERSON -> sentOn;
            case PAPER -> plusHverdage(sentOn, paperPostHverdage);
        };
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

    /** Whether {@code a} is a longer period than {@code b}, counted from {@code from}. */
    public static boolean longer(Period a, Period b, LocalDate from) {
        return from.plus(a).isAfter(from.plus(b));
    }

    /** The helligdage of a year that are not Sundays, for display and tests. */
    public Set<LocalDate> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> DENMARK.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
