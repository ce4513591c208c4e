package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.simulation.SimulationClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event is skipped when the service's clock jumps: a command's event that commits after the
 * simulated clock was moved forward by six weeks is still read, although the event stored after it
 * (and read before it) now looks six weeks old. Axon's engine gave up the gap and never read it.
 */
class GapKeepingStorageEngineIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    @DisplayName("an event in flight while the simulated clock jumps six weeks is read once it commits")
    void inFlightEventAcrossAClockJump() throws Exception {
        SimulationClock clock = new SimulationClock(ZoneId.of("Europe/Copenhagen"), true, Instant.now());
        Clock axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        try (Connection inFlight = postgres.getPostgresDatabase().getConnection()) {
            JdbcEventStorageEngine engine = new GapKeepingStorageEngine(JdbcEventStorageEngine.builder()
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .connectionProvider(() -> postgres.getPostgresDatabase().getConnection())
                    .transactionManager(NoTransactionManager.INSTANCE), clock);

            store(null, "e-0", clock.instant());
            List<? extends TrackedEventMessage<?>> first = read(engine, null);
            assertThat(first).extracting(TrackedEventMessage::getIdentifier).containsExactly("e-0");

            inFlight.setAutoCommit(false);
            store(inFlight, "e-1", clock.instant());      // a command's event, not yet committed: its position is a gap
            store(null, "e-2", clock.instant());          // stored and committed just before the move
            clock.advance(Duration.ofDays(42));            // the simulated clock moves six weeks on

            List<? extends TrackedEventMessage<?>> second = read(engine, first.get(0).trackingToken());
            assertThat(second).extracting(TrackedEventMessage::getIdentifier).containsExactly("e-2");
            TrackingToken afterSecond = second.get(0).trackingToken();
            assertThat(((GapAwareTrackingToken) afterSecond).getGaps()).as("the in-flight position is kept as a gap").hasSize(1);

            inFlight.commit();
            assertThat(read(engine, afterSecond)).extracting(TrackedEventMessage::getIdentifier).containsExactly("e-1");
        } finally {
            GenericEventMessage.clock = axonClock;
        }
    }

    private static List<? extends TrackedEventMessage<?>> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    /** An event row as Axon writes one, on {@code connection} (or committed at once on a new one). */
    private static void store(Connection connection, String id, Instant timestamp) throws Exception {
        Connection c = connection != null ? connection : postgres.getPostgresDatabase().getConnection();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                                              payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Test', ?, ?, ?, NULL, 'java.lang.String', ?)""")) {
            insert.setString(1, "aggregate-" + id);
            insert.setString(2, id);
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, "\"payload\"".getBytes(StandardCharsets.UTF_8));
            insert.setString(5, timestamp.toString());
            insert.executeUpdate();
        } finally {
            if (connection == null) {
                c.close();
            }
        }
    }
}
