package dk.grantlifecycle.api.simulation;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Persists the simulated clock so a restarted service continues the simulated time, and wakes
 * the deadline scheduler when the clock moves so due deadlines fire at once.
 */
@Component
@DependsOnDatabaseInitialization
public class SimulationClockStore {

    private final SimulationClock clock;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<Scheduler> scheduler;

    public SimulationClockStore(SimulationClock clock, JdbcTemplate jdbc, ObjectProvider<Scheduler> scheduler) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        if (clock.simulated()) {
            List<Long> saved = jdbc.queryForList("SELECT offset_millis FROM simulation_clock WHERE id = 1", Long.class);
            saved.stream().findFirst().ifPresent(ms -> clock.restore(Duration.ofMillis(ms)));
        }
    }

    public Instant set(Instant target) {
        Instant now = clock.setTo(target);
        saved();
        return now;
    }

    public Instant advance(Duration by) {
        Instant now = clock.advance(by);
        saved();
        return now;
    }

    private void saved() {
        jdbc.update("""
                INSERT INTO simulation_clock (id, offset_millis) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET offset_millis = EXCLUDED.offset_millis""", clock.offset().toMillis());
        scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
    }
}
