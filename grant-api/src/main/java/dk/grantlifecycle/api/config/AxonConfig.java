package dk.grantlifecycle.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.api.citizen.CitizenGrantsRecorder;
import dk.grantlifecycle.api.personaldata.CitizenKeyShredder;
import dk.grantlifecycle.api.personaldata.CitizenKeys;
import dk.grantlifecycle.api.personaldata.PersonalDataModule;
import dk.grantlifecycle.domain.application.Application;
import dk.grantlifecycle.domain.assessment.Assessment;
import dk.grantlifecycle.domain.followup.FollowUp;
import dk.grantlifecycle.domain.grant.Grant;
import dk.grantlifecycle.domain.process.CaseProcess;
import dk.grantlifecycle.domain.upcasting.EventJson;
import dk.grantlifecycle.domain.upcasting.EventSchemaUpcaster;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * Events have their own serializer with the one definition of their JSON ({@link EventJson}):
     * an unknown property is an error, so a field renamed without an upcaster fails loudly.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(CitizenKeys keys) {
        // PII-NOT-IN-CLEAR: the personal-data part of an event is encrypted with the citizen's key as it is written.
        return JacksonSerializer.builder().objectMapper(EventJson.mapper().registerModule(new PersonalDataModule(keys))).build();
    }

    /** Brings events stored in an earlier schema to the current one as they are read. */
    @Bean
    public EventUpcaster eventSchemaUpcaster(JdbcTemplate jdbc) {
        return new EventSchemaUpcaster(new JdbcOpeningEvents(jdbc));
    }

    /**
     * Everything else Axon serializes (tokens, deadline and scheduler data, sagas) keeps Axon's own
     * lenient reading, with ISO dates.
     */
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
                .registerListenerInvocationErrorHandler(CaseProcess.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // The citizens' grant record is written with the events, in their transaction: a failure rolls the command back.
                .registerSubscribingEventProcessor(CitizenGrantsRecorder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CitizenGrantsRecorder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // An erasure destroys the citizen's key in the transaction that stores it.
                .registerSubscribingEventProcessor(CitizenKeyShredder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CitizenKeyShredder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
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
