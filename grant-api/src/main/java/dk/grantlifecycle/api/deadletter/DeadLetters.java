package dk.grantlifecycle.api.deadletter;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.projections.ParkingPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the projections have parked in Axon's dead-letter queue, for operators: the parked events
 * per processing group (a gauge, the health indicator, the listing) and their retry. Reads go to
 * the queue's table; retries go through Axon's {@link SequencedDeadLetterProcessor}, which claims a
 * sequence (a case), applies its events in order and evicts each one applied, or keeps the first
 * that fails, with its new cause and attempt count, together with the rest of the sequence.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** One parked event. {@code attempts}: how often handling it failed (0: it only waits behind an earlier one). */
    public record Letter(String processingGroup, String sequence, long index, String eventId, String eventType, Instant eventTime,
                         String aggregateType, String aggregateId, Long aggregateSequence, Instant enqueuedAt,
                         Instant lastTouched, String causeType, String causeMessage, int attempts) {
    }

    /** The parked events of every projection, and those matching the request (oldest sequence first, in order). */
    public record Listing(Map<String, Long> parkedPerProcessingGroup, long matching, List<Letter> letters) {
    }

    /**
     * A retry's outcome: the sequences (cases) tried, those applied in full, and those still parked
     * (their first event failed again, or another node was retrying them).
     */
    public record RetryOutcome(String processingGroup, int sequencesTried, int sequencesApplied, List<String> stillParked,
                               long parkedAfter) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;

    public DeadLetters(DataSource dataSource, EventProcessingConfiguration processing,
                       @Qualifier("eventSerializer") Serializer serializer, MeterRegistry metrics) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Health and metrics must answer even when the database is slow.
        this.jdbc.setQueryTimeout(5);
        this.processing = processing;
        this.serializer = serializer;
        for (String group : ProjectionReplay.PROJECTIONS) {
            Gauge.builder("grants.deadletters.parked", () -> parkedOrNaN(group)).tag("processingGroup", group)
                    .description("events the projection has parked in its dead-letter queue (GET /admin/dead-letters)")
                    .baseUnit("events").register(metrics);
        }
    }

    /** Parked events per projection, every projection named (0 when none). */
    public Map<String, Long> parkedPerProcessingGroup() {
        Map<String, Long> parked = new LinkedHashMap<>();
        ProjectionReplay.PROJECTIONS.forEach(p -> parked.put(p, 0L));
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup",
                (ResultSet rs) -> {
                    parked.put(rs.getString(1), rs.getLong(2));
                });
        return parked;
    }

    public long parked(String processingGroup) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?", Long.class, processingGroup);
        return n == null ? 0 : n;
    }

    private double parkedOrNaN(String processingGroup) {
        try {
            return parked(processingGroup);
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    /** Parked events, optionally of one processing group and one sequence (case), at most {@code limit}. */
    public Listing list(String processingGroup, String sequence, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (processingGroup != null) {
            where.append(" AND processinggroup = ?");
            args.add(processingGroup);
        }
        if (sequence != null) {
            where.append(" AND sequenceidentifier = ?");
            args.add(sequence);
        }
        Long matching = jdbc.queryForObject("SELECT count(*) FROM deadletterentry" + where, Long.class, args.toArray());
        List<Object> page = new ArrayList<>(args);
        page.add(limit);
        List<Letter> letters = jdbc.query("SELECT d.*, min(d.enqueuedat) OVER (PARTITION BY d.processinggroup, d.sequenceidentifier)"
                        + " AS sequence_since FROM deadletterentry d" + where
                        + " ORDER BY processinggroup, sequence_since, sequenceidentifier, sequenceindex LIMIT ?",
                (rs, i) -> letter(rs), page.toArray());
        return new Listing(parkedPerProcessingGroup(), matching == null ? 0 : matching, letters);
    }

    /**
     * Retries the parked sequences of a processing group (all, or the one of {@code sequence}), oldest
     * first, each once. Returns null when {@code sequence} names nothing parked.
     */
    public RetryOutcome retry(String processingGroup, String sequence, String actor) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalStateException("projection " + processingGroup + " has no dead-letter queue"));
        List<Map.Entry<String, String>> heads = heads(processingGroup, sequence);
        if (sequence != null && heads.isEmpty()) {
            return null;
        }
        log.info("{} retries {} parked sequence(s) of projection {}", actor, heads.size(), processingGroup);
        List<String> stillParked = new ArrayList<>();
        for (Map.Entry<String, String> head : heads) {
            String headEvent = head.getValue();
            // A sequence is claimed by its first letter; matching its event id picks exactly this case.
            boolean applied = processor.process(letter -> letter.message().getIdentifier().equals(headEvent));
            if (!applied) {
                stillParked.add(head.getKey());
            }
        }
        long after = parked(processingGroup);
        log.info("retry of projection {}: {} of {} sequence(s) applied, {} event(s) still parked", processingGroup,
                heads.size() - stillParked.size(), heads.size(), after);
        return new RetryOutcome(processingGroup, heads.size(), heads.size() - stillParked.size(), stillParked, after);
    }

    /** Each parked sequence with the event id of its first letter, least recently tried first. */
    private List<Map.Entry<String, String>> heads(String processingGroup, String sequence) {
        return jdbc.query("""
                        SELECT d.sequenceidentifier, d.eventidentifier FROM deadletterentry d
                        WHERE d.processinggroup = ? AND (CAST(? AS VARCHAR) IS NULL OR d.sequenceidentifier = ?)
                          AND d.sequenceindex = (SELECT min(d2.sequenceindex) FROM deadletterentry d2
                                                 WHERE d2.processinggroup = d.processinggroup
                                                   AND d2.sequenceidentifier = d.sequenceidentifier)
                        ORDER BY d.lasttouched, d.sequenceidentifier""",
                (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), processingGroup, sequence, sequence);
    }

    private Letter letter(ResultSet rs) throws SQLException {
        byte[] diagnostics = rs.getBytes("diagnostics");
        MetaData meta = diagnostics == null ? MetaData.emptyInstance()
                : serializer.deserialize(new SimpleSerializedObject<>(diagnostics, byte[].class, MetaData.class.getName(), null));
        Number aggregateSequence = (Number) rs.getObject("sequencenumber");
        return new Letter(rs.getString("processinggroup"), rs.getString("sequenceidentifier"), rs.getLong("sequenceindex"),
                rs.getString("eventidentifier"), simpleName(rs.getString("payloadtype")), instant(rs.getString("timestamp")),
                rs.getString("type"), rs.getString("aggregateidentifier"),
                aggregateSequence == null || aggregateSequence.longValue() < 0 ? null : aggregateSequence.longValue(),
                instant(rs.getString("enqueuedat")), instant(rs.getString("lasttouched")), rs.getString("causetype"),
                rs.getString("causemessage"), ParkingPolicy.attemptsOf(meta));
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
