package dk.grantlifecycle.api.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far the publisher is behind the event store: {@code grants.kafka.publish.lag} (events stored
 * after its position) and {@code grants.kafka.publish.lag.seconds} (age of the oldest of them; 0 when
 * none waits). Read from the publisher's segment on the node that runs it; NaN elsewhere.
 */
@Component
@ConditionalOnProperty(name = "grants.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class PublisherLag {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PublisherLag(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock, MeterRegistry metrics) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("grants.kafka.publish.lag", () -> lag().events()).description("stored events not yet published to Kafka")
                .register(metrics);
        Gauge.builder("grants.kafka.publish.lag.seconds", () -> lag().seconds())
                .description("age of the oldest stored event not yet published to Kafka").register(metrics);
    }

    public record Lag(double events, double seconds) {
    }

    public Lag lag() {
        try {
            OptionalLong position = position();
            if (position.isEmpty()) {
                return new Lag(Double.NaN, Double.NaN);
            }
            return jdbc.query("SELECT count(*), (SELECT timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT 1) "
                    + "FROM domainevententry WHERE globalindex > ?", rs -> {
                rs.next();
                long count = rs.getLong(1);
                String oldest = rs.getString(2);
                double seconds = oldest == null ? 0
                        : Math.max(0, Duration.between(java.time.Instant.parse(oldest), clock.instant()).toMillis() / 1000.0);
                return new Lag(count, seconds);
            }, position.getAsLong(), position.getAsLong());
        } catch (RuntimeException e) {
            return new Lag(Double.NaN, Double.NaN);
        }
    }

    /** The publisher's position: -1 before its first event; empty when this node does not run it. */
    private OptionalLong position() {
        Map<Integer, EventTrackerStatus> status = processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            TrackingToken token = s.getTrackingToken();
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            min = Math.min(min, lower == null ? -1 : lower.position().orElse(-1));
        }
        return OptionalLong.of(min);
    }
}
