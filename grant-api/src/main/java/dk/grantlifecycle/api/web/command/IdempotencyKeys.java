package dk.grantlifecycle.api.web.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first outcome of each command sent with an {@code Idempotency-Key}, per actor, kept in
 * PostgreSQL and written in the command's own transaction: the key is stored if and only if the
 * command's events are. Keys older than {@code grants.idempotency.retention} are purged by a
 * scheduled job on every node (deleting is idempotent).
 */
@Component
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    /** The outcome a repeated request gets again. */
    public record Outcome(String fingerprint, int status, String contentType, String location, byte[] body, Long eventPosition,
                          Instant storedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock, @Value("${grants.idempotency.retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Takes the key for the current transaction, or answers false at once when another request with
     * the same key is being handled (the lock is PostgreSQL's, so this holds across nodes).
     */
    boolean tryLock(String actor, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?), hashtext(?))",
                Boolean.class, actor, key));
    }

    Optional<Outcome> find(String actor, String key) {
        List<Outcome> found = jdbc.query("""
                        SELECT fingerprint, status, content_type, location, body, event_position, stored_at
                        FROM idempotency_key WHERE actor = ? AND idem_key = ?""",
                (rs, i) -> new Outcome(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                        rs.getObject(6) == null ? null : rs.getLong(6), rs.getTimestamp(7).toInstant()),
                actor, key);
        return found.stream().findFirst();
    }

    void save(String actor, String key, Outcome outcome) {
        jdbc.update("""
                        INSERT INTO idempotency_key (actor, idem_key, fingerprint, status, content_type, location, body, event_position, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                actor, key, outcome.fingerprint(), outcome.status(), outcome.contentType(), outcome.location(), outcome.body(),
                outcome.eventPosition(), Timestamp.from(outcome.storedAt()));
    }

    Instant now() {
        return clock.instant();
    }

    /** Forgets keys past their retention; a repeat after that is handled as a new command. */
    @Scheduled(fixedDelayString = "${grants.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
    public void purge() {
        try {
            int purged = jdbc.update("DELETE FROM idempotency_key WHERE stored_at < ?", Timestamp.from(clock.instant().minus(retention)));
            if (purged > 0) {
                log.info("purged {} idempotency keys older than {}", purged, retention);
            }
        } catch (DataAccessException e) {
            log.warn("could not purge idempotency keys now (will try again): {}", e.getMostSpecificCause().getMessage());
        }
    }
}
