package dk.grantlifecycle.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.domain.application.Application;
import dk.grantlifecycle.domain.assessment.Assessment;
import dk.grantlifecycle.domain.followup.FollowUp;
import dk.grantlifecycle.domain.grant.Grant;
import dk.grantlifecycle.domain.process.CaseProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring: the four aggregates (event sourced from the JDBC event store), pooled streaming
 * processors with tokens in PostgreSQL, Jackson with ISO dates for events (the event format is
 * forever), and the audit metadata every command carries into its events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Metadata keys copied from each command to the events it causes (STYLE 8: who, for whom, why). */
    public static final String ACTOR = "actor";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String REASON = "reason";

    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(Application.class)
                .configureAggregate(Assessment.class)
                .configureAggregate(Grant.class)
                .configureAggregate(FollowUp.class);
    }

    @Bean
    public ConfigurerModule processors() {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                // The case process must not skip an event: a failure is retried until it succeeds.
                .registerListenerInvocationErrorHandler(CaseProcess.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    public CaseProcess caseProcess(CommandGateway commandGateway) {
        return new CaseProcess(commandGateway);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, ON_BEHALF_OF, REASON);
    }
}
