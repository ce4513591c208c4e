package dk.grantlifecycle.api.web.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Notes the identifiers of the events a command stores, so its answer can name where they stand
 * in the event store ({@code X-Event-Position}) and wait for exactly those. Commands run in the
 * request's thread (Axon's simple command bus), and the event store calls its dispatch
 * interceptors in that thread while the command's unit of work prepares to commit; events the
 * case process stores from its own threads are not noted.
 */
@Component
public class CommandEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    public CommandEvents(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    /** Starts noting the events stored by this thread until the recording is closed. */
    Recording record() {
        List<String> ids = new ArrayList<>();
        RECORDING.set(ids);
        return new Recording(ids);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<String> ids = RECORDING.get();
        if (ids != null) {
            messages.forEach(m -> ids.add(m.getIdentifier()));
        }
        return (i, m) -> m;
    }

    /** The events noted so far. */
    static final class Recording implements AutoCloseable {

        private final List<String> ids;

        private Recording(List<String> ids) {
            this.ids = ids;
        }

        List<String> eventIds() {
            return List.copyOf(ids);
        }

        @Override
        public void close() {
            RECORDING.remove();
        }
    }
}
