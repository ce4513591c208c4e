package dk.grantlifecycle.api.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The event store the processors read, with one change to Axon's {@link EmbeddedEventStore}: its
 * streams tell a pooled streaming processor when new events are there.
 * <p>
 * Why: Axon's pooled streaming processor asks its stream for an "available" callback; the
 * embedded event store's streams have none, so an idle processor looks again only every 500 ms
 * (a constant in Axon's {@code Coordinator}). Every read model, and the case process that turns a
 * decision into further commands, therefore saw a new event up to 500 ms late, and a command's
 * answer, which waits for them, took at least about 500 ms (issue 12). Here the store's reader,
 * which fetches new events from the database once it is woken after a commit, calls the
 * processors' callbacks as soon as it has put an event into the shared cache, so a processor
 * handles it at once.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfig {

    /**
     * Axon's JDBC storage engine as its Spring Boot auto-configuration builds it (which backs off, with its error
     * code resolver and schema, once an event store is defined here), reading up to 1,000 events per query: a replay or a processor that is behind reads
     * in fewer round trips (Axon's default is 100), and with its gap timeout measured across the simulated clock's jumps ({@link GapKeepingStorageEngine}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 @Value("${grants.event-store.fetch-batch-size:1000}") int fetchBatchSize,
                                                 dk.grantlifecycle.api.simulation.SimulationClock clock) {
        return new GapKeepingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .batchSize(fetchBatchSize), clock);
    }

    /**
     * {@code grants.event-store.processor-callback=false} gives Axon's behaviour back (processors poll every 500 ms):
     * only to measure the difference (bench/run -Dgrants.event-store.processor-callback=false).
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         @Value("${grants.event-store.processor-callback:true}") boolean processorCallback) {
        Callbacks callbacks = new Callbacks(processorCallback);
        return new NotifyingEventStore(EmbeddedEventStore.builder()
                .storageEngine(new SignallingStorageEngine(storageEngine, callbacks))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), callbacks);
    }

    /** The processors' "events available" callbacks. */
    static final class Callbacks {

        private final Set<Runnable> registered = ConcurrentHashMap.newKeySet();
        private final boolean enabled;

        Callbacks(boolean enabled) {
            this.enabled = enabled;
        }

        void add(Runnable callback) {
            registered.add(callback);
        }

        void remove(Runnable callback) {
            registered.remove(callback);
        }

        void fire() {
            for (Runnable callback : registered) {
                callback.run();
            }
        }
    }

    /** {@link EmbeddedEventStore} whose streams take an "events available" callback. */
    static final class NotifyingEventStore extends EmbeddedEventStore {

        private final Callbacks callbacks;

        NotifyingEventStore(EmbeddedEventStore.Builder builder, Callbacks callbacks) {
            super(builder);
            this.callbacks = callbacks;
        }

        @Override
        public TrackingEventStream openStream(TrackingToken trackingToken) {
            return new CallbackStream(super.openStream(trackingToken), callbacks);
        }
    }

    /** A stream that registers its reader's callback; everything else is the embedded store's stream. */
    static final class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final Callbacks callbacks;
        private volatile Runnable callback;

        CallbackStream(TrackingEventStream delegate, Callbacks callbacks) {
            this.delegate = delegate;
            this.callbacks = callbacks;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (!callbacks.enabled) {
                return false;
            }
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }

    /**
     * The storage engine as the store's reader sees it: each event it reads is handed on, and then
     * the processors are told that there is something to read.
     */
    static final class SignallingStorageEngine implements EventStorageEngine {

        private final EventStorageEngine delegate;
        private final Callbacks callbacks;

        SignallingStorageEngine(EventStorageEngine delegate, Callbacks callbacks) {
            this.delegate = delegate;
            this.callbacks = callbacks;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
            return StreamSupport.stream(new Signalling<>(events.spliterator(), callbacks), false).onClose(events::close);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            delegate.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return delegate.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return delegate.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }

    /** Hands each element on, then fires the callbacks (the element is in the store's cache by then). */
    private record Signalling<T>(Spliterator<T> delegate, Callbacks callbacks) implements Spliterator<T> {

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            boolean advanced = delegate.tryAdvance(action);
            if (advanced) {
                callbacks.fire();
            }
            return advanced;
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return delegate.estimateSize();
        }

        @Override
        public int characteristics() {
            return delegate.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED);
        }
    }
}
