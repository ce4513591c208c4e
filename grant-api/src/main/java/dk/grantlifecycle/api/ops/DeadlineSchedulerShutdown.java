package dk.grantlifecycle.api.ops;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Puts the deadline scheduler in its place in the shutdown order. Spring stops lifecycles from
 * the highest phase down: the web server first (it stops taking requests and lets in-flight
 * commands finish), then this (the scheduler picks no new deadline and the running ones finish),
 * then Axon (event processors stop and release their token claims). db-scheduler's own stop runs
 * when its bean is destroyed, before the connection pool and PostgreSQL, which go last.
 */
@Component
public class DeadlineSchedulerShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerShutdown.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final Duration drain;
    private volatile boolean running;

    public DeadlineSchedulerShutdown(ObjectProvider<Scheduler> scheduler,
                                     @Value("${db-scheduler.shutdown-max-wait:PT10S}") Duration drain) {
        this.scheduler = scheduler;
        this.drain = drain;
    }

    @Override
    public int getPhase() {
        // Between the web server's graceful stop (DEFAULT_PHASE - 1024) and Axon (LIFECYCLE_PHASE).
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 512;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.ifAvailable(s -> {
            s.pause();
            long until = System.nanoTime() + drain.toNanos();
            while (!s.getCurrentlyExecuting().isEmpty() && System.nanoTime() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            log.info("deadline scheduler paused for shutdown; {} deadline(s) still running",
                    s.getCurrentlyExecuting().size());
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
