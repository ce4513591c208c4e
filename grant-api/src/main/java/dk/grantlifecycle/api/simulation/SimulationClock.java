package dk.grantlifecycle.api.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the service. In normal operation it follows the system clock; in simulation
 * mode an operator sets or advances it (training, what-if runs, end-to-end tests), and
 * everything that reads time (commands, event timestamps, the deadline scheduler) follows. The
 * clock is an offset from the system clock; {@link SimulationClockStore} keeps it across restarts.
 * It never moves backwards while running: a simulation that starts in the past says so at start
 * ({@code grants.simulation.start}).
 */
public final class SimulationClock extends Clock {

    private final ZoneId zone;
    private final boolean simulated;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    /** Every offset this clock has had, by the system-clock instant it took effect (few entries: one per move). */
    private final NavigableMap<Instant, Duration> offsets = new ConcurrentSkipListMap<>();

    public SimulationClock(ZoneId zone, boolean simulated, Instant start) {
        this.zone = zone;
        this.simulated = simulated;
        if (simulated && start != null) {
            offset.set(Duration.between(Instant.now(), start));
        }
        offsets.put(Instant.MIN, offset.get());
    }

    /**
     * What this clock read at the system-clock instant {@code systemInstant}: the system instant plus the offset
     * in effect then. Without simulation, the instant itself. Lets a reader measure elapsed time across the
     * simulated clock's jumps (the event store's gap timeout, {@code GapKeepingStorageEngine}).
     */
    public Instant readingAt(Instant systemInstant) {
        return systemInstant.plus(offsets.floorEntry(systemInstant).getValue());
    }

    private void moved() {
        offsets.put(Instant.now(), offset.get());
    }

    public boolean simulated() {
        return simulated;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    /** Moves the clock forward to {@code target}. */
    public Instant setTo(Instant target) {
        requireSimulated();
        Instant now = instant();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward; it is " + now
                    + " (start a simulation at an earlier date with grants.simulation.start)");
        }
        offset.updateAndGet(o -> o.plus(Duration.between(now, target)));
        moved();
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    void restore(Duration saved) {
        offset.set(saved);
        moved();
    }

    public Instant advance(Duration by) {
        requireSimulated();
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(by));
        moved();
        return instant();
    }

    private void requireSimulated() {
        if (!simulated) {
            throw new IllegalStateException("simulation mode is off");
        }
    }
}
