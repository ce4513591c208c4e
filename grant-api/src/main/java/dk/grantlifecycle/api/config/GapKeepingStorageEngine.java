package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.simulation.SimulationClock;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC storage engine with its gap timeout measured in elapsed time, not on a clock that can
 * jump. A gap in the global index is a position taken by a transaction that has not committed (or
 * never will); the token keeps it so the event is read once it commits. Axon gives up every gap
 * below an event whose timestamp is more than the gap timeout (60 s) before "now", both read from
 * {@code GenericEventMessage.clock}, which is the service's clock. When the simulated clock is moved
 * forward (weeks at a time), every event stored just before the move looks weeks old: the gaps of
 * commands still in flight were given up and their events never reached the read models
 * ({@code TwoNodesIT} met it; {@code GapKeepingStorageEngineIT} reproduces it).
 * <p>
 * Here an event counts as older than the gap timeout only if it is older than what the clock read
 * one gap timeout ago by the system clock ({@link SimulationClock#readingAt}). Without simulation the
 * two are the same instant and nothing changes; a replay of old events still gives up old gaps at
 * once.
 */
public class GapKeepingStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set here so this class and Axon agree on them. */
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final SimulationClock clock;

    public GapKeepingStorageEngine(JdbcEventStorageEngine.Builder builder, SimulationClock clock) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).gapTimeout(GAP_TIMEOUT_MILLIS).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE));
        this.clock = clock;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previous) throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previous);
        Instant frame = clock.readingAt(Instant.now().minusMillis(GAP_TIMEOUT_MILLIS));
        if (!((DomainEventData<?>) read).getTimestamp().isAfter(frame)) {
            return read; // old by elapsed time too: Axon's token, gaps below it given up
        }
        long index = resultSet.getLong(schema().globalIndexColumn());
        GapAwareTrackingToken keepingGaps = previous == null
                ? GapAwareTrackingToken.newInstance(index, LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, index), index).boxed()
                        .collect(Collectors.toCollection(TreeSet::new)))
                : previous.advanceTo(index, MAX_GAP_OFFSET);
        // (Not compared with Axon's token: its equals ignores gaps below the truncation index, the ones this keeps.)
        return new TrackedDomainEventData<>(keepingGaps, (DomainEventData<?>) read);
    }
}
