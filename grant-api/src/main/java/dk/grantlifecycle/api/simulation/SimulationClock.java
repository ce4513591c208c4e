package dk.grantlifecycle.api.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    public SimulationClock(ZoneId zone, boolean simulated, Instant start) {
        this.zone = zone;
        this.simulated = simulated;
        if (simulated && start != null) {
            offset.set(Duration.between(Instant.now(), start));
        }
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
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    void restore(Duration saved) {
        offset.set(saved);
    }

    public Instant advance(Duration by) {
        requireSimulated();
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(by));
        return instant();
    }

    private void requireSimulated() {
        if (!simulated) {
            throw new IllegalStateException("simulation mode is off");
        }
    }
}
