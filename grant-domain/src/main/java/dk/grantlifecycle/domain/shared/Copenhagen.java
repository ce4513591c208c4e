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

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
