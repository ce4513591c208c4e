package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.projections.CaseSequencingPolicy;
import dk.grantlifecycle.projections.ParkingPolicy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dead letters for the projections ({@code cases}, {@code deadlines}, {@code audit}, {@code dst}):
 * an event a projection cannot apply is parked in Axon's sequenced dead-letter queue on PostgreSQL
 * (table {@code deadletterentry}, one queue per processing group, switched on per processor with
 * {@code axon.eventhandling.processors.<group>.dlq.enabled}), and the case's later events wait
 * behind it while other cases flow. Each queue is sequenced by case ({@link CaseSequencingPolicy}),
 * keeps every failed event ({@link ParkingPolicy}) and is emptied by a reset, since a replay handles
 * every event again. The case process keeps its propagating error handler: it sends commands and
 * must retry, not park.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /**
     * Axon's JDBC dead-letter queue for the processing groups whose {@code dlq.enabled} is set,
     * built as Axon's auto-configuration builds it, with the claimable-sequence paging fixed
     * ({@link ClaimableSequencePaging}). Sequences and their sizes keep Axon's limits (1,024 each).
     */
    @Bean
    public DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processorProperties, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, DeadLetterSchema schema,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(processorProperties,
                processingGroup -> config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(schema)
                        .statementFactory(new ClaimableSequencePaging(schema, genericSerializer, eventSerializer))
                        .genericSerializer(genericSerializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }

    @Bean
    public ConfigurerModule projectionDeadLetters() {
        return configurer -> {
            CaseSequencingPolicy byCase = new CaseSequencingPolicy();
            for (String projection : ProjectionReplay.PROJECTIONS) {
                configurer.eventProcessing()
                        .registerSequencingPolicy(projection, c -> byCase)
                        .registerDeadLetterPolicy(projection, c -> new ParkingPolicy(projection))
                        // A replay handles every event again: the reset empties the projection's queue.
                        // The cache remembers which cases have parked events, so an event of a case with none is not
                        // checked against the dead-letter table one query at a time (issue 12: that query per event
                        // bounded the replay rate). This configuration replaces Axon's own, so its dlq.cache property has no effect.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(projection, (c, builder) -> builder.allowReset(true)
                                .enableSequenceIdentifierCache().sequenceIdentifierCacheSize(1024));
            }
        };
    }
}
