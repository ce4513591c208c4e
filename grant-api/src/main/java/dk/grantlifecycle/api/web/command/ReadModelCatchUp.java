package dk.grantlifecycle.api.web.command;

import dk.grantlifecycle.domain.process.CaseProcess;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read your writes: after a command has committed, its answer waits (bounded by
 * {@code grants.read-your-writes.timeout}) until the case process and the read models have
 * processed the command's events and what the case process stored in turn, so a client that
 * posts and then reads sees its change. The wait never fails the answer: past the bound, or if
 * the positions cannot be read, the answer goes out saying the read models are behind.
 * <p>
 * A processor has processed an event when its token has passed the event's global index and does
 * not hold that index as a gap (a transaction that committed after later ones). A segment this
 * node runs reports its token from memory (a processor stores its token only when it handles an
 * event or extends its claim); a segment another node runs is read from the token table. The wait
 * is woken when a processor here commits a batch ({@link ProcessorProgress}) and looks again at
 * least every {@code grants.read-your-writes.recheck}.
 */
@Component
public class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);

    static final List<String> PROCESSORS = List.of(CaseProcess.PROCESSING_GROUP, CaseProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, AuditTrailProjection.PROCESSING_GROUP, DstMovementProjection.PROCESSING_GROUP);

    /**
     * The case process carries a command's consequences at most three steps on (decision, grant
     * opened, follow-up plan started); each round waits for the events stored by the round before.
     */
    private static final int ROUNDS = 4;

    public enum State {
        /** The read models hold the command's events and their consequences. */
        CURRENT,
        /** The bound passed first, or the positions could not be read; the read models follow moments later. */
        BEHIND;

        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final ProcessorProgress progress;
    private final Duration bound;
    private final Duration recheck;

    public ReadModelCatchUp(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                            EventProcessingConfiguration processing, ProcessorProgress progress,
                            @Value("${grants.read-your-writes.timeout:PT2S}") Duration bound,
                            @Value("${grants.read-your-writes.recheck:PT0.025S}") Duration recheck) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.progress = progress;
        this.bound = bound;
        this.recheck = recheck;
    }

    /** Waits until every processor has processed the events at {@code positions} and their consequences. */
    public State await(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return State.CURRENT;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            long target = positions.stream().mapToLong(Long::longValue).max().orElseThrow();
            Set<Long> mustHave = new TreeSet<>(positions);
            for (int round = 0; round < ROUNDS; round++) {
                if (!waitUntilProcessed(target, mustHave, deadline)) {
                    return State.BEHIND;
                }
                long head = head();
                if (head <= target) {
                    return State.CURRENT;
                }
                mustHave = stored(target, head);
                target = head;
            }
            return State.CURRENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.BEHIND;
        } catch (RuntimeException e) {
            log.warn("could not follow the read models after a command: {}", e.toString());
            return State.BEHIND;
        }
    }

    private boolean waitUntilProcessed(long target, Set<Long> mustHave, long deadline) throws InterruptedException {
        while (true) {
            if (processed(target, mustHave)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            progress.awaitProgress(Math.min(recheck.toMillis(), Math.max(1, left / 1_000_000)));
        }
    }

    private boolean processed(long target, Set<Long> mustHave) {
        Map<String, List<TrackingToken>> tokens = tokens();
        for (String processor : PROCESSORS) {
            List<TrackingToken> segments = tokens.getOrDefault(processor, List.of());
            if (segments.isEmpty()) {
                return false;
            }
            for (TrackingToken token : segments) {
                if (!covers(token, target, mustHave)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long target, Set<Long> mustHave) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower == null || lower.position().orElse(-1L) < target) {
            return false;
        }
        if (lower instanceof GapAwareTrackingToken gapAware) {
            for (Long gap : gapAware.getGaps()) {
                if (mustHave.contains(gap)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every segment's token: from memory where this node runs the segment, else from the token table. When this
     * node runs every segment of every processor (one node, the usual case) the table is not read at all.
     */
    private Map<String, List<TrackingToken>> tokens() {
        Map<String, Map<Integer, EventTrackerStatus>> local = new HashMap<>();
        boolean allLocal = true;
        for (String p : PROCESSORS) {
            Map<Integer, EventTrackerStatus> status = processing.eventProcessor(p, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            local.put(p, status);
            allLocal &= coversAll(status.values());
        }
        if (allLocal) {
            Map<String, List<TrackingToken>> tokens = new HashMap<>();
            local.forEach((p, status) -> tokens.put(p, status.values().stream().map(EventTrackerStatus::getTrackingToken)
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new))));
            return tokens;
        }
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        jdbc.query("SELECT processorname, segment, token, tokentype FROM tokenentry WHERE processorname IN ("
                        + String.join(", ", java.util.Collections.nCopies(PROCESSORS.size(), "?")) + ")",
                rs -> {
                    String processor = rs.getString(1);
                    EventTrackerStatus status = local.getOrDefault(processor, Map.of()).get(rs.getInt(2));
                    TrackingToken token;
                    if (status != null) {
                        token = status.getTrackingToken();
                    } else {
                        byte[] bytes = rs.getBytes(3);
                        token = bytes == null ? null
                                : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(4), null));
                    }
                    tokens.computeIfAbsent(processor, k -> new java.util.ArrayList<>()).add(token);
                }, PROCESSORS.toArray());
        return tokens;
    }

    /** Whether these segments together cover the whole stream (a segment with mask m covers 1/(m+1) of it). */
    private static boolean coversAll(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        double covered = 0;
        for (EventTrackerStatus s : segments) {
            if (s.isErrorState()) {
                return false;
            }
            covered += 1.0 / (s.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }

    /** The global index of the last stored event (-1 for an empty store). */
    long storedHead() {
        return head();
    }

    private long head() {
        Long max = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return max == null ? -1 : max;
    }

    /** The events stored after {@code from}, up to {@code to}: the next round waits for each of them. */
    private Set<Long> stored(long from, long to) {
        return new TreeSet<>(jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE globalindex > ? AND globalindex <= ?",
                Long.class, from, to));
    }
}
