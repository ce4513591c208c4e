package dk.grantlifecycle.api.ops;

import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MalformedInput;
import dk.grantlifecycle.domain.shared.RuleViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Commands by type and outcome with their latency ({@code grants.commands}, a timer with a
 * histogram), and the events they append ({@code grants.events.appended}, by aggregate and event
 * type), counted when the unit of work commits. Covers every command, from the API, the case
 * process and deadline handlers alike. Tags carry only message types and outcomes: no case id, no
 * citizen.
 */
@Component
public class CommandMetrics {

    public static final String COMMANDS = "grants.commands";
    public static final String EVENTS_APPENDED = "grants.events.appended";

    /** What became of a command. */
    enum Outcome {
        /** Handled and committed. */
        SUCCESS,
        /** A rule of RULES.md refused it (422). */
        REJECTED,
        /** Malformed input (400). */
        INVALID,
        /** Not possible in the aggregate's state (409). */
        CONFLICT,
        /** Another command changed the aggregate first (409, retryable). */
        CONCURRENT,
        /** The aggregate does not exist (404). */
        NOT_FOUND,
        /** Anything else (500 or 503). */
        ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry, CommandBus commandBus, EventStore eventStore) {
        this.registry = registry;
        commandBus.registerHandlerInterceptor(new Timing());
        eventStore.registerDispatchInterceptor(new Appended());
    }

    private final class Timing implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            long start = System.nanoTime();
            String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
            unitOfWork.onCleanup(u -> {
                Throwable failure = u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult();
                timer(type, outcome(failure)).record(Duration.ofNanos(System.nanoTime() - start));
            });
            return chain.proceed();
        }
    }

    private final class Appended implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            List<EventMessage<?>> events = List.copyOf(messages);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> events.forEach(CommandMetrics.this::count));
            } else {
                events.forEach(CommandMetrics.this::count);
            }
            return (i, m) -> m;
        }
    }

    private void count(EventMessage<?> event) {
        String aggregate = event instanceof DomainEventMessage<?> d && d.getType() != null ? d.getType() : "none";
        Counter.builder(EVENTS_APPENDED).description("events appended to the event store")
                .tag("aggregate", aggregate).tag("type", event.getPayloadType().getSimpleName())
                .register(registry).increment();
    }

    private Timer timer(String type, Outcome outcome) {
        return Timer.builder(COMMANDS).description("commands handled, by type and outcome")
                .tag("type", type).tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    static Outcome outcome(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation) {
                return Outcome.REJECTED;
            }
            if (t instanceof MalformedInput) {
                return Outcome.INVALID;
            }
            if (t instanceof InvalidState) {
                return Outcome.CONFLICT;
            }
            if (t instanceof ConcurrencyException) {
                return Outcome.CONCURRENT;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                // The unique (aggregate, sequence) index: another command appended first.
                return Outcome.CONCURRENT;
            }
            if (t instanceof AggregateNotFoundException) {
                return Outcome.NOT_FOUND;
            }
        }
        return failure == null ? Outcome.SUCCESS : Outcome.ERROR;
    }
}
