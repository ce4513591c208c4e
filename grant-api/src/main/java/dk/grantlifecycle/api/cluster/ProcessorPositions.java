package dk.grantlifecycle.api.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each streaming event processor stands, across the cluster: a segment this node runs
 * reports its position from memory, a segment another node runs (or nobody runs) from the token
 * table. A processor's position is that of its slowest segment.
 */
@Component
public class ProcessorPositions {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorPositions(EventProcessingConfiguration processing, DataSource dataSource,
                              @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.serializer = serializer;
    }

    /** The streaming processors of this service, by name. */
    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) {
                processors.put(name, s);
            }
        });
        return processors;
    }

    /** Global index of the newest event, -1 when the store is empty. */
    public long head() {
        Long max = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return max == null ? -1 : max;
    }

    /** Per processor, the position of its slowest segment (-1: at the start). */
    public Map<String, Long> lowest() {
        Map<String, StreamingEventProcessor> processors = processors();
        Map<String, Long> lowest = new TreeMap<>();
        jdbc.query("SELECT processorname, segment, token, tokentype FROM tokenentry", rs -> {
            StreamingEventProcessor processor = processors.get(rs.getString(1));
            if (processor == null) {
                return;
            }
            EventTrackerStatus local = processor.processingStatus().get(rs.getInt(2));
            TrackingToken token;
            if (local != null) {
                token = local.getTrackingToken();
            } else {
                byte[] bytes = rs.getBytes(3);
                token = bytes == null ? null : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(4), null));
            }
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            long position = lower == null ? -1 : lower.position().orElse(-1L);
            lowest.merge(rs.getString(1), position, Math::min);
        });
        return lowest;
    }

    /** Per processor, how many segments this node runs now. */
    public Map<String, Integer> localSegments() {
        Map<String, Integer> local = new TreeMap<>();
        processors().forEach((name, p) -> local.put(name, p.processingStatus().size()));
        return local;
    }
}
