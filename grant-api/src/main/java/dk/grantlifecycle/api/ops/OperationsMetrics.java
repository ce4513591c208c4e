package dk.grantlifecycle.api.ops;

import dk.grantlifecycle.api.cluster.ProcessorPositions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operators' gauges that are read from the database: per event processor the lag behind the
 * event store (events and seconds), open deadlines due today and overdue per municipality and
 * kind, and the deadline scheduler's backlog with its oldest due task. They are sampled every
 * {@code grants.metrics.refresh} (5 s) rather than at each scrape, so a scrape never waits for
 * the database; a sample that fails leaves the gauges NaN ("unknown", never a reassuring 0).
 * <p>
 * Every node reports the same cluster-wide figures (they come from the shared tables); dashboards
 * and alerts therefore take {@code max} over instances. Tags name processors, municipalities and
 * deadline kinds only: never a case, never a citizen.
 */
@Component
public class OperationsMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProcessorPositions positions;
    private final MeterRegistry registry;

    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public OperationsMetrics(DataSource dataSource, Clock clock, ProcessorPositions positions, MeterRegistry registry) {
        this.jdbc = new JdbcTemplate(dataSource);
        // A sample must not hang on a database that does not answer.
        this.jdbc.setQueryTimeout(5);
        this.clock = clock;
        this.positions = positions;
        this.registry = registry;
        gauge("grants.scheduler.due", Tags.empty(), null, "deadline tasks due and not yet picked by a scheduler");
        gauge("grants.scheduler.oldest.due.age", Tags.empty(), "seconds", "how long the oldest due, unpicked task has waited");
        gauge("grants.scheduler.tasks", Tags.empty(), null, "deadline tasks in the scheduler's table");
        gauge("grants.events.stored", Tags.empty(), null, "global index of the newest event + 1");
    }

    @Scheduled(fixedDelayString = "${grants.metrics.refresh:PT5S}", initialDelayString = "${grants.metrics.initial-delay:PT1S}")
    public void sample() {
        try {
            sampleProcessors();
            sampleDeadlines();
            sampleScheduler();
        } catch (RuntimeException e) {
            // Database away, or the service stopping: the gauges say "unknown" until the next sample.
            log.debug("operations metrics not sampled: {}", e.toString());
            values.replaceAll((k, v) -> Double.NaN);
        }
    }

    private void sampleProcessors() {
        long head = positions.head();
        set("grants.events.stored", Tags.empty(), head + 1, null, "global index of the newest event + 1");
        Instant now = clock.instant();
        positions.lowest().forEach((processor, lowest) -> {
            Tags tags = Tags.of("processor", processor);
            long lag = Math.max(0, head - lowest);
            double seconds = 0;
            if (lag > 0) {
                String oldest = jdbc.query("SELECT timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT 1",
                        rs -> rs.next() ? rs.getString(1) : null, lowest);
                seconds = oldest == null ? 0 : Math.max(0, Duration.between(Instant.parse(oldest), now).toMillis() / 1000.0);
            }
            set("grants.processor.lag.events", tags, lag, null, "events stored that the processor has not processed yet");
            set("grants.processor.lag.seconds", tags, seconds, "seconds", "age of the oldest event the processor has not processed yet");
        });
        positions.localSegments().forEach((processor, segments) ->
                set("grants.processor.segments.claimed", Tags.of("processor", processor), segments, null,
                        "segments of the processor this node runs"));
    }

    private void sampleDeadlines() {
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new HashSet<>();
        jdbc.query("""
                SELECT coalesce(municipality, 'unknown'), kind,
                       count(*) FILTER (WHERE due_on = ?), count(*) FILTER (WHERE due_on < ?)
                FROM deadline_view WHERE state IN ('OPEN', 'FIRED') AND due_on <= ?
                GROUP BY 1, 2""", rs -> {
            Tags tags = Tags.of("municipality", rs.getString(1), "kind", rs.getString(2));
            set("grants.deadlines.due.today", tags, rs.getLong(3), null, "open deadlines whose last day is today");
            set("grants.deadlines.overdue", tags, rs.getLong(4), null, "open deadlines past their last day");
            seen.add(tags.toString());
        }, today, today, today);
        // A municipality and kind with nothing due any more reads 0, not its last value.
        values.keySet().stream().filter(k -> k.startsWith("grants.deadlines.")).filter(k -> !seen.contains(k.substring(k.indexOf('|') + 1)))
                .forEach(k -> values.put(k, 0.0));
    }

    private void sampleScheduler() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query("""
                SELECT count(*) FILTER (WHERE execution_time <= ? AND NOT picked),
                       min(execution_time) FILTER (WHERE execution_time <= ? AND NOT picked),
                       count(*)
                FROM scheduled_tasks""", rs -> {
            set("grants.scheduler.due", Tags.empty(), rs.getLong(1), null, null);
            Timestamp oldest = rs.getTimestamp(2);
            set("grants.scheduler.oldest.due.age", Tags.empty(),
                    oldest == null ? 0 : Math.max(0, (now.getTime() - oldest.getTime()) / 1000.0), "seconds", null);
            set("grants.scheduler.tasks", Tags.empty(), rs.getLong(3), null, null);
        }, now, now);
    }

    private void set(String name, Tags tags, double value, String unit, String description) {
        String key = name + "|" + tags;
        values.put(key, value);
        if (registered.add(key)) {
            gauge(name, tags, unit, description);
        }
    }

    private void gauge(String name, Tags tags, String unit, String description) {
        String key = name + "|" + tags;
        registered.add(key);
        values.putIfAbsent(key, Double.NaN);
        Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).tags(tags).baseUnit(unit).description(description)
                .strongReference(true).register(registry);
    }
}
