package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.process.CaseProcess;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Read your writes: after a command, the API waits (briefly, bounded) until the case process
 * and the case read models have processed everything stored so far, including what the case
 * process adds in turn, so a client that posts and then reads sees its change. A segment this
 * node runs reports its position from memory (a processor stores its token only when it handles
 * an event or extends its claim); a segment another node runs is read from the token table.
 * When the bound passes, the answer goes out anyway and the read models follow moments later.
 */
@Component
public class ReadModelCatchUp {

    private static final List<String> PROCESSORS = List.of(CaseProcess.PROCESSING_GROUP, CaseProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, AuditTrailProjection.PROCESSING_GROUP, DstMovementProjection.PROCESSING_GROUP);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Duration bound;

    public ReadModelCatchUp(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                            EventProcessingConfiguration processing,
                            @Value("${grants.read-your-writes.timeout:PT2S}") Duration bound) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.bound = bound;
    }

    public void await() {
        long deadline = System.nanoTime() + bound.toNanos();
        long head = head();
        while (System.nanoTime() < deadline) {
            if (caughtUp(head)) {
                long newHead = head();
                if (newHead == head) {
                    return;
                }
                head = newHead;
                continue;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long head) {
        return PROCESSORS.stream().allMatch(p -> position(p) >= head);
    }

    private long head() {
        Long max = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return max == null ? -1 : max;
    }

    private long position(String processor) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<Long> positions = jdbc.query("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", (rs, i) -> {
            EventTrackerStatus status = local.get(rs.getInt(1));
            if (status != null) {
                return status.getCurrentPosition().orElse(-1L);
            }
            byte[] token = rs.getBytes(2);
            TrackingToken t = token == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null));
            return t == null ? -1L : t.position().orElse(-1L);
        }, processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1L);
    }
}
