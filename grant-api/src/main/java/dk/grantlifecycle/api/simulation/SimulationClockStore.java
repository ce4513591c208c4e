package dk.grantlifecycle.api.simulation;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Persists the simulated clock so a restarted service continues the simulated time, and tells
 * whether history has been recorded (before that, the clock may be set to any date).
 */
@Component
@DependsOnDatabaseInitialization
public class SimulationClockStore {

    private final SimulationClock clock;
    private final JdbcTemplate jdbc;

    public SimulationClockStore(SimulationClock clock, JdbcTemplate jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
        if (clock.simulated()) {
            List<Long> saved = jdbc.queryForList("SELECT offset_millis FROM simulation_clock WHERE id = 1", Long.class);
            saved.stream().findFirst().ifPresent(ms -> clock.restore(Duration.ofMillis(ms)));
        }
    }

    @Transactional
    public Instant set(Instant target) {
        Instant now = clock.setTo(target, !historyRecorded());
        save();
        return now;
    }

    @Transactional
    public Instant advance(Duration by) {
        Instant now = clock.advance(by);
        save();
        return now;
    }

    private boolean historyRecorded() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry)", Boolean.class));
    }

    private void save() {
        jdbc.update("""
                INSERT INTO simulation_clock (id, offset_millis) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET offset_millis = EXCLUDED.offset_millis""", clock.offset().toMillis());
    }
}
