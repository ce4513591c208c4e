package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.simulation.SimulationClock;
import dk.grantlifecycle.domain.shared.Copenhagen;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * One injectable clock for everything: the API's "today", Axon's message timestamps and the
 * deadline scheduler's notion of "due". In simulation mode ({@code grants.simulation.enabled})
 * an operator moves it through the API.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    public SimulationClock clock(@Value("${grants.simulation.enabled:false}") boolean simulation,
                                 @Value("${grants.simulation.start:}") String start) {
        SimulationClock clock = new SimulationClock(Copenhagen.ZONE, simulation, start.isBlank() ? null : Instant.parse(start));
        GenericEventMessage.clock = clock;
        return clock;
    }

    /** db-scheduler decides what is due by this clock, so advancing simulated time fires deadlines. */
    @Bean("dbSchedulerClock")
    public com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return new com.github.kagkarlsson.scheduler.Clock() {
            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
