package dk.grantlifecycle.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.grantlifecycle.domain.shared.Copenhagen;

/**
 * Projection tests read like the samples: given these events, when this query, then these rows.
 * Each class gets its own embedded PostgreSQL with the projections' tables (their Flyway
 * migrations); every test starts from empty tables. Events are handed to the projections the way
 * their processors hand them over, in order, each stamped with its own time; the same events are
 * also appended to an in-memory event store for the views that fold events themselves.
 */
abstract class ProjectionTest {

    private static EmbeddedPostgres postgres;
    protected static JdbcTemplate jdbc;

    protected EventStore eventStore;
    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant now;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        List<String> tables = jdbc.queryForList("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'""", String.class);
        jdbc.execute("TRUNCATE " + String.join(", ", tables));
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        projections.clear();
        sequences.clear();
        now = Copenhagen.startOf(LocalDate.of(2027, 1, 4)).plusSeconds(8 * 3600);
    }

    /** The projections that the given events are handed to. */
    protected void projections(Object... handlers) {
        for (Object h : handlers) {
            projections.add(new AnnotationEventHandlerAdapter(h));
        }
    }

    /** The time the next events are stamped with. */
    protected void at(Instant instant) {
        now = instant;
    }

    protected Instant now() {
        return now;
    }

    protected static Clock today(LocalDate date) {
        return Clock.fixed(Copenhagen.startOf(date).plusSeconds(12 * 3600), Copenhagen.ZONE);
    }

    /** Hands each event, stamped with the current time and the actor, to every projection, in order. */
    protected void given(String aggregateId, Object... events) {
        for (Object event : events) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            EventMessage<?> message = new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence, event,
                    MetaData.with("actor", "cw-test"), UUID.randomUUID().toString(), now);
            eventStore.publish(message);
            for (AnnotationEventHandlerAdapter p : projections) {
                try {
                    if (p.canHandle(message)) {
                        p.handle(message);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("a projection refused " + event.getClass().getSimpleName(), e);
                }
            }
            now = now.plusSeconds(1);
        }
    }
}
