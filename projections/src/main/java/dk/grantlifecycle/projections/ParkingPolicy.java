package dk.grantlifecycle.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projections' dead-letter (enqueue) policy: an event a projection fails to apply is parked,
 * never dropped. Axon asks this policy when an event fails the first time and again each time a
 * retry of a parked event fails; both times the answer is to keep the event, with the latest
 * cause and the number of failed attempts ({@value #ATTEMPTS}) in its diagnostics. Only a
 * successful retry removes a dead letter (or a replay, which handles the event again).
 * <p>
 * The first failure parks at once: a projection writes event data deterministically, so a failure
 * that survives {@link SavepointPerHandler}'s in-place retries of transient errors is a refusal
 * (PostgreSQL refusing the data, a bug) that repeating will not cure; and when the database itself
 * is unreachable nothing can be parked, the processor's transaction rolls back and Axon retries the
 * event from its token. The cause kept is the exception's type and its most specific message (the
 * database's own words), truncated to the dead-letter table's column; read models hold no CPR
 * numbers or names, so a refused write cannot carry them into it.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: how many times handling the event has failed. */
    public static final String ATTEMPTS = "attempts";

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final String processingGroup;

    public ParkingPolicy(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        int attempts = attemptsOf(letter.diagnostics()) + 1;
        EventMessage<?> event = letter.message();
        log.warn("projection {} could not apply event {} ({}), failed attempt {}: {}; parking it, see GET /admin/dead-letters",
                processingGroup, event.getIdentifier(), event.getPayloadType().getSimpleName(), attempts, cause.getClass().getSimpleName());
        return Decisions.requeue(cause(cause), l -> l.diagnostics().and(ATTEMPTS, attempts));
    }

    /** How often handling a parked event has failed, from its diagnostics (0 for one that only waits behind another). */
    public static int attemptsOf(MetaData diagnostics) {
        Object value = diagnostics == null ? null : diagnostics.get(ATTEMPTS);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static ThrowableCause cause(Throwable cause) {
        Throwable specific = cause;
        while (specific.getCause() != null && specific.getCause() != specific) {
            specific = specific.getCause();
        }
        String message = specific.getMessage() == null ? cause.getMessage() : specific.getMessage();
        if (message != null) {
            // The message may quote the very value PostgreSQL refused; a NUL would make the dead letter unstorable too.
            message = message.replace("\0", "\\u0000");
        }
        if (message != null && message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return new ThrowableCause(cause.getClass().getName(), message);
    }
}
