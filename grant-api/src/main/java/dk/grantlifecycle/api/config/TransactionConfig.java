package dk.grantlifecycle.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

/**
 * One transaction manager for commands, Axon's units of work, projections and db-scheduler. A
 * plain {@link DataSourceTransactionManager} rather than Spring Boot's default
 * {@code JdbcTransactionManager}: when the connection dies during COMMIT the latter turns the
 * failure into a runtime exception and tries a rollback on the dead connection, which fails and
 * replaces the commit failure; this one reports the commit failure as it is, which the command
 * filter answers as "outcome unknown".
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfig {

    @Bean
    public DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }
}
