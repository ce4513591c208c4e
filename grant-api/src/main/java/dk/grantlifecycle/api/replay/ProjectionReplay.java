package dk.grantlifecycle.api.replay;

import dk.grantlifecycle.api.deadletter.DeadLetters;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Rebuilds a projection from the first event: its processor stops, its tokens go back to the
 * start (its reset handler empties its tables, and Axon empties its dead-letter queue, since every
 * event is handled again), and it runs again. An event that still fails is parked again, so a
 * replay that is DONE names how many events the projection has parked. Progress (processed/total,
 * rate, time left) is logged, kept as metrics and served by the API. Only read models are
 * replayed: the case process sends commands and is never rewound. Started by an administrator
 * through the API or at start-up with {@code grants.replay=cases,deadlines}. In a cluster, run it
 * on one node while the others are stopped or do not run the processor: while another instance
 * holds one of the projection's segments the reset is refused (409) and the processor resumes.
 */
@Component
public class ProjectionReplay {

    public static final List<String> PROJECTIONS = List.of(CaseProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, AuditTrailProjection.PROCESSING_GROUP, DstMovementProjection.PROCESSING_GROUP);

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    public enum State { IDLE, RUNNING, DONE }

    /**
     * Where a replay stands. {@code secondsLeft} is null until a rate is known; {@code parkedEvents} is
     * how many events the projection has parked now (GET /admin/dead-letters).
     */
    public record Progress(String projection, State state, long processed, long total, double eventsPerSecond, Long secondsLeft,
                           Instant startedAt, Instant finishedAt, long parkedEvents) {
    }

    private static final class Run {
        final Instant startedAt = Instant.now();
        final long total;
        volatile long processed;
        volatile double rate;
        volatile Instant finishedAt;

        Run(long total) {
            this.total = total;
        }

        Long secondsLeft() {
            return rate > 0 ? Long.valueOf((long) Math.ceil((total - processed) / rate)) : null;
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final String atStart;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public ProjectionReplay(EventProcessingConfiguration processing, JdbcTemplate jdbc, DeadLetters deadLetters, MeterRegistry metrics,
                            @Value("${grants.replay:}") String atStart) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.atStart = atStart;
        for (String projection : PROJECTIONS) {
            Gauge.builder("grants.replay.processed", () -> run(projection, r -> r.processed)).tag("projection", projection)
                    .description("events processed by the running or last replay").register(metrics);
            Gauge.builder("grants.replay.target", () -> run(projection, r -> r.total)).tag("projection", projection)
                    .description("events the running or last replay has to process").register(metrics);
            Gauge.builder("grants.replay.rate", () -> run(projection, r -> r.rate)).tag("projection", projection)
                    .baseUnit("events/s").register(metrics);
        }
    }

    private double run(String projection, ToDoubleFunction<Run> value) {
        Run run = runs.get(projection);
        return run == null ? 0 : value.applyAsDouble(run);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void replayRequestedAtStart() {
        Arrays.stream(atStart.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(this::start);
    }

    /**
     * Runs outside the request's transaction: the processor's threads must see its reset tokens at
     * once, not after the request that asked for the replay has committed.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public synchronized Progress start(String projection) {
        if (!PROJECTIONS.contains(projection)) {
            throw new IllegalArgumentException("'" + projection + "' is not a projection; projections: " + PROJECTIONS);
        }
        Run running = runs.get(projection);
        if (running != null && running.finishedAt == null) {
            return progress(projection);
        }
        StreamingEventProcessor processor = processor(projection);
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            // Another instance holds some of the projection's segments: nothing was reset (one transaction); carry on as before.
            processor.start();
            log.warn("replay of projection {} refused: {}", projection, e.getMessage());
            throw new InvalidState("projection " + projection + " cannot be replayed while another instance runs some of its segments;"
                    + " run the replay with one instance (scale the others down), then scale up again");
        }
        runs.put(projection, new Run(head == null ? 0 : head + 1));
        processor.start();
        log.info("replay of projection {} started: {} events to process", projection, head == null ? 0 : head + 1);
        return progress(projection);
    }

    public Progress progress(String projection) {
        Run run = runs.get(projection);
        if (run == null) {
            return new Progress(projection, State.IDLE, 0, 0, 0, null, null, null, deadLetters.parked(projection));
        }
        return new Progress(projection, run.finishedAt == null ? State.RUNNING : State.DONE, run.processed, run.total, run.rate,
                run.finishedAt == null ? run.secondsLeft() : Long.valueOf(0), run.startedAt, run.finishedAt, deadLetters.parked(projection));
    }

    /** Samples running replays: position, rate and time left, logged every few seconds. */
    @Scheduled(fixedDelayString = "${grants.replay.progress-interval:PT2S}")
    public void sample() {
        runs.forEach((projection, run) -> {
            if (run.finishedAt != null) {
                return;
            }
            StreamingEventProcessor processor = processor(projection);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1L)).min().orElse(-1L);
            run.processed = status.isEmpty() ? 0 : Math.min(run.total, position + 1);
            double seconds = Math.max(0.001, Duration.between(run.startedAt, Instant.now()).toMillis() / 1000.0);
            run.rate = run.processed / seconds;
            // Done when every event stored at the reset has been processed again (a replay token stays in replay
            // mode until a newer event arrives, so its replay flag cannot tell).
            if (!status.isEmpty() && run.processed >= run.total) {
                run.finishedAt = Instant.now();
                log.info("replay of projection {} done: {} events in {} s, {} parked", projection, run.processed,
                        String.format("%.1f", seconds), deadLetters.parked(projection));
            } else {
                Long left = run.secondsLeft();
                log.info("replay of projection {}: {}/{} events ({} /s), about {} s left", projection, run.processed, run.total,
                        String.format("%.0f", run.rate), left == null ? "?" : left);
            }
        });
    }

    private StreamingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + projection));
    }
}
