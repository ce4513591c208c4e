package dk.grantlifecycle.api.ops;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The database as the readiness probe sees it ({@code db} in the readiness group): UP when a
 * connection answers {@code SELECT 1} within {@code grants.health.db-timeout}, DOWN otherwise.
 * The check runs on its own thread and the probe waits at most the timeout, so a PostgreSQL that
 * is gone or frozen (SIGSTOP) turns the service not ready instead of hanging {@code /actuator/health}.
 * One check at a time: while an earlier one is still stuck, the answer is DOWN at once.
 * Replaces Spring Boot's own {@code db} indicator, which waits as long as the driver does.
 */
@Component("dbHealthIndicator")
public class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final TimeBoxedCheck<Long> check;

    public DatabaseHealth(DataSource dataSource, @Value("${grants.health.db-timeout:PT2S}") Duration timeout) {
        this.dataSource = dataSource;
        this.check = new TimeBoxedCheck<>("db-health-check", timeout);
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("database", "PostgreSQL").withDetail("ms", check.run(this::selectOne)).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }

    private Long selectOne() throws Exception {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, check.timeBox().toSeconds()));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void destroy() {
        check.close();
    }
}
