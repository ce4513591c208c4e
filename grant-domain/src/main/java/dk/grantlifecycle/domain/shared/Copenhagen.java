package dk.grantlifecycle.domain.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are in Europe/Copenhagen terms: a deadline on a date starts at that date's local midnight. */
public final class Copenhagen {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private Copenhagen() {
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The start of the day after {@code date}: when a deadline whose last day is {@code date} has
     * been missed. Computed on the zoned date-time, so a change to or from summer time is respected.
     */
    public static Instant startOfDayAfter(LocalDate date) {
        return date.atStartOfDay(ZONE).plusDays(1).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
