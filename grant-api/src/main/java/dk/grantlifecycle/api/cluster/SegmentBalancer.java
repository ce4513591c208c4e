package dk.grantlifecycle.api.cluster;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Shares the event processors' segments between the running instances. Axon 4 without Axon
 * Server has no balancing of its own: an instance claims every unclaimed segment, so the first
 * one to start would run them all. Coordination stays with Axon's token claims in PostgreSQL;
 * this only adds a heartbeat row per instance ({@code service_node}) so each instance knows how
 * many are alive, and an instance holding more than its fair share ({@code ceil(segments /
 * instances)}) releases the surplus for a while, for another instance's processor to claim.
 * When an instance stops it releases its claims (Axon) and deletes its row; when it dies its
 * claims expire after {@code axon.eventhandling.tokenstore.claim-timeout} and its row after
 * {@code grants.cluster.node-timeout}, and the others take its segments over from the stored
 * tokens, so no event is skipped.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final ProcessorPositions positions;
    private final String nodeId;
    private final Duration nodeTimeout;
    private final Duration releaseFor;
    private final Map<String, Map<Integer, Instant>> released = new ConcurrentHashMap<>();

    public SegmentBalancer(DataSource dataSource, ProcessorPositions positions, @Qualifier("nodeId") String nodeId,
                           @Value("${grants.cluster.node-timeout:PT20S}") Duration nodeTimeout,
                           @Value("${grants.cluster.release-for:PT15S}") Duration releaseFor) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.positions = positions;
        this.nodeId = nodeId;
        this.nodeTimeout = nodeTimeout;
        this.releaseFor = releaseFor;
    }

    @Scheduled(fixedDelayString = "${grants.cluster.balance-interval:PT5S}", initialDelayString = "${grants.cluster.balance-interval:PT5S}")
    public void balance() {
        try {
            int live = heartbeat();
            for (Map.Entry<String, StreamingEventProcessor> e : positions.processors().entrySet()) {
                release(e.getKey(), e.getValue(), live);
            }
        } catch (RuntimeException e) {
            // Database away, or the service stopping: balance at the next round.
            log.debug("segment balancing skipped: {}", e.toString());
        }
    }

    /** Records this instance as alive; answers how many instances are. */
    int heartbeat() {
        jdbc.update("""
                INSERT INTO service_node (node_id, started_at, last_seen) VALUES (?, now(), now())
                ON CONFLICT (node_id) DO UPDATE SET last_seen = now()""", nodeId);
        jdbc.update("DELETE FROM service_node WHERE last_seen < now() - make_interval(secs => ?)", nodeTimeout.toSeconds() * 3.0);
        Integer live = jdbc.queryForObject("SELECT count(*) FROM service_node WHERE last_seen >= now() - make_interval(secs => ?)",
                Integer.class, (double) nodeTimeout.toSeconds());
        return live == null || live < 1 ? 1 : live;
    }

    private void release(String name, StreamingEventProcessor processor, int live) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class, name);
        if (segments == null || segments <= 1) {
            return;
        }
        int fair = (segments + live - 1) / live;
        // A release takes effect asynchronously: a segment released a moment ago may still be listed.
        Map<Integer, Instant> recent = released.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
        Instant now = Instant.now();
        recent.values().removeIf(at -> at.plus(releaseFor).isBefore(now));
        List<Integer> mine = processor.processingStatus().keySet().stream().filter(s -> !recent.containsKey(s)).sorted().toList();
        for (int i = mine.size() - 1; i >= fair; i--) {
            log.info("processor {}: releasing segment {} for another instance ({} instances, {} segments, {} held here)", name,
                    mine.get(i), live, segments, mine.size());
            recent.put(mine.get(i), now);
            processor.releaseSegment(mine.get(i), releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Leaves the cluster at once, so the others take over this instance's share at their next claim. */
    @PreDestroy
    public void leave() {
        try {
            jdbc.update("DELETE FROM service_node WHERE node_id = ?", nodeId);
        } catch (DataAccessException e) {
            log.debug("could not remove node row: {}", e.toString());
        }
    }
}
