package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.simulation.SimulationClock;
import dk.grantlifecycle.api.simulation.SimulationClockStore;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * Simulation mode (off by default; {@code grants.simulation.enabled=true}): an operator sets or
 * advances the service's clock, and deadlines that fall due fire as they would in real time.
 * The clock only moves forward; {@code grants.simulation.start} starts a simulation at an earlier date.
 */
@RestController
@RequestMapping("/simulation/clock")
@ConditionalOnProperty(name = "grants.simulation.enabled", havingValue = "true")
public class SimulationController {

    private final SimulationClock clock;
    private final SimulationClockStore store;

    public SimulationController(SimulationClock clock, SimulationClockStore store) {
        this.clock = clock;
        this.store = store;
    }

    public record ClockState(Instant now, LocalDate today) {
    }

    public record SetRequest(@NotNull Instant instant) {
    }

    public record AdvanceRequest(@NotNull String by) {
    }

    @GetMapping
    public ClockState now() {
        return state();
    }

    @PutMapping
    public ClockState set(@jakarta.validation.Valid @RequestBody SetRequest r) {
        try {
            store.set(r.instant());
        } catch (IllegalArgumentException e) {
            throw new BadInput("instant", e.getMessage());
        }
        return state();
    }

    /** Advances by an ISO period ({@code P12W}, {@code P6M}) or duration ({@code PT36H}). */
    @PostMapping("/advance")
    public ClockState advance(@jakarta.validation.Valid @RequestBody AdvanceRequest r) {
        Duration by;
        try {
            if (r.by().contains("T")) {
                by = Duration.parse(r.by());
            } else {
                Instant now = clock.instant();
                by = Duration.between(now, now.atZone(clock.getZone()).plus(Period.parse(r.by())).toInstant());
            }
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadInput("by", "an ISO-8601 period such as P12W or P6M, or a duration such as PT36H");
        }
        try {
            store.advance(by);
        } catch (IllegalArgumentException e) {
            throw new BadInput("by", e.getMessage());
        }
        return state();
    }

    private ClockState state() {
        Instant now = clock.instant();
        return new ClockState(now, LocalDate.ofInstant(now, clock.getZone()));
    }
}
