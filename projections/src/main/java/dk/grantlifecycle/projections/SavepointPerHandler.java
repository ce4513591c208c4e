package dk.grantlifecycle.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.lang.reflect.Method;

/**
 * Runs every event handler of the projections in a savepoint of the processor's transaction.
 * PostgreSQL aborts a whole transaction at the first statement it refuses; without the savepoint
 * a refused write (a U+0000 in a text column, a violated constraint) would leave the processor's
 * transaction unusable, Axon could not park the event in the dead-letter queue (written in that
 * transaction, together with the token) and the processor would retry the event forever. With it,
 * the handler's partial writes are undone and the transaction goes on to park the event. The same
 * holds when a parked event is retried: a failure leaves the transaction able to record the new
 * attempt.
 * <p>
 * A transient failure (deadlock, lock or statement timeout, serialization failure) is retried in
 * place, at most {@value #ATTEMPTS} times, before the event is given up to the dead-letter queue.
 */
@Component
public class SavepointPerHandler implements HandlerEnhancerDefinition {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(SavepointPerHandler.class);

    private static final TransactionDefinition NESTED = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final ObjectProvider<PlatformTransactionManager> transactions;

    /** The transaction manager is looked up on first use: Axon collects enhancers while it is being configured. */
    public SavepointPerHandler(ObjectProvider<PlatformTransactionManager> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.unwrap(Method.class)
                .map(m -> m.getDeclaringClass().getPackageName().equals(SavepointPerHandler.class.getPackageName()))
                .orElse(false);
        if (!projection || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return inSavepoint(() -> super.handle(message, target));
                    } catch (TransientDataAccessException e) {
                        if (attempt == ATTEMPTS) {
                            throw e;
                        }
                        log.warn("transient failure handling event {} ({}), attempt {} of {}: {}", message.getIdentifier(),
                                message.getPayloadType().getSimpleName(), attempt, ATTEMPTS, e.getClass().getSimpleName());
                        Thread.sleep(100L * attempt);
                    }
                }
            }
        };
    }

    private interface Handling {
        Object run() throws Exception;
    }

    /**
     * NESTED: a savepoint inside the processor's transaction (or a transaction of its own outside
     * one). Spring's TransactionTemplate is not used: it logs an ERROR whenever the rollback fails
     * too (a lost connection), while here the handler's exception goes on to Axon, carrying the
     * failed rollback as a suppressed exception.
     */
    private Object inSavepoint(Handling handling) throws Exception {
        PlatformTransactionManager manager = transactions.getObject();
        TransactionStatus savepoint = manager.getTransaction(NESTED);
        Object result;
        try {
            result = handling.run();
        } catch (Exception | Error e) {
            try {
                manager.rollback(savepoint);
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        manager.commit(savepoint);
        return result;
    }
}
