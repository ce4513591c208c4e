package dk.grantlifecycle.api.deadletter;

import dk.grantlifecycle.api.ops.TimeBoxedCheck;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@code deadLetters} in /actuator/health: DEGRADED while any projection has parked events, so an
 * operator sees that some case's read models are incomplete. DEGRADED ranks between DOWN and UP and
 * answers HTTP 200 (management.endpoint.health.status in application.yml); it is not part of the
 * liveness or readiness groups, because the service still serves and a restart would repair nothing.
 * The count is time-boxed ({@code grants.health.dead-letters-timeout}): while the database does not
 * answer, the status is UNKNOWN at once (the {@code db} indicator says DOWN) rather than holding up
 * the whole health answer.
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealth implements HealthIndicator, DisposableBean {

    public static final Status DEGRADED = new Status("DEGRADED", "a projection has parked events; see GET /admin/dead-letters");

    private final DeadLetters deadLetters;
    private final TimeBoxedCheck<Map<String, Long>> check;

    public DeadLetterHealth(DeadLetters deadLetters, @Value("${grants.health.dead-letters-timeout:PT0.5S}") Duration timeout) {
        this.deadLetters = deadLetters;
        this.check = new TimeBoxedCheck<>("dead-letter-health-check", timeout);
    }

    @Override
    public Health health() {
        Map<String, Long> parked;
        try {
            parked = check.run(deadLetters::parkedPerProcessingGroup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.unknown().withDetail("error", String.valueOf(e.getMessage())).build();
        }
        boolean any = parked.values().stream().anyMatch(n -> n > 0);
        return (any ? Health.status(DEGRADED) : Health.up()).withDetail("parkedPerProcessingGroup", parked).build();
    }

    @Override
    public void destroy() {
        check.close();
    }
}
