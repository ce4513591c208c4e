package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' transactions commit without waiting for the WAL to reach disk
 * ({@code synchronous_commit = off} for that transaction only). A projection's rows and its
 * processor's token are written in one transaction, so a database crash can lose at most the last
 * few hundred milliseconds of both together: the processor then handles those events again from the
 * token it finds, and the read model ends as before. What must be durable stays durable: the
 * command's events, deadlines and idempotency keys, the case process (it sends commands) and the
 * Kafka publisher's token commit as before. Issue 12: each command was followed by one flushed
 * commit per projection, about 8 WAL flushes per command on this 2-core machine.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionCommits {

    @Bean
    public ConfigurerModule projectionsCommitAsynchronously(JdbcTemplate jdbc) {
        return configurer -> {
            for (String projection : ProjectionReplay.PROJECTIONS) {
                configurer.eventProcessing().registerTransactionManager(projection,
                        c -> new AsynchronousCommit(c.getComponent(TransactionManager.class), jdbc));
            }
        };
    }

    /** Starts the transaction as {@code delegate} does, then lets its commit return before the WAL is flushed. */
    public record AsynchronousCommit(TransactionManager delegate, JdbcTemplate jdbc) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            try {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }
}
