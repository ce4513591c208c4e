package dk.grantlifecycle.api.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Persistent deadlines: Axon's db-scheduler deadline manager (deadlines in PostgreSQL, fired once
 * across nodes), fronted by {@link KeyedDeadlineManager} so that aggregates cancel a deadline by its
 * name. db-scheduler's Spring Boot starter starts and stops the scheduler itself.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    @Bean
    public DbSchedulerDeadlineManager dbSchedulerDeadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                                                 @Qualifier("serializer") Serializer serializer,
                                                                 TransactionManager transactionManager,
                                                                 DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    @Primary
    public DeadlineManager deadlineManager(DbSchedulerDeadlineManager dbScheduler, JdbcTemplate jdbc, Scheduler scheduler,
                                           @Qualifier("dbSchedulerDeadlineDetailsTask") Task<?> deadlineTask) {
        return new KeyedDeadlineManager(dbScheduler, jdbc, scheduler, deadlineTask.getName());
    }
}
