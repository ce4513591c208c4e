package dk.grantlifecycle.api.kafka;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * Kafka wiring. {@code grants.kafka.enabled=false} switches publishing and the receipts consumer
 * off (the service says so at start). Without {@code grants.kafka.bootstrap-servers} the service is
 * in local mode: it starts an embedded KRaft broker on a fixed port and creates its topics there;
 * with them it connects to a real cluster, where topics are the operator's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /** The local mode's broker, stopped by the Spring context after the producer and consumer that use it. */
    @Bean(destroyMethod = "destroy")
    @ConditionalOnExpression("${grants.kafka.enabled:true} and '${grants.kafka.bootstrap-servers:}'.isBlank()")
    public EmbeddedKafkaKraftBroker localKafkaBroker(KafkaSettings settings) {
        KafkaSettings.Topics t = settings.topics();
        EmbeddedKafkaKraftBroker broker = new LocalKafkaBroker(t.partitions(), t.events(), t.receipts(), t.receiptsDeadLetter());
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "log.retention.ms", String.valueOf(t.retentionMs()),
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }

    /** The fixed port of the local mode (the broker's own port is random), closed before the broker stops. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${grants.kafka.enabled:true} and '${grants.kafka.bootstrap-servers:}'.isBlank()")
    public LocalBrokerPort localKafkaPort(KafkaSettings settings, EmbeddedKafkaKraftBroker localKafkaBroker) throws java.io.IOException {
        String servers = localKafkaBroker.getBrokersAsString();
        int brokerPort = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1).split(",")[0]);
        return new LocalBrokerPort(settings.embedded().port(), brokerPort);
    }

    @Bean
    @ConditionalOnProperty(name = "grants.kafka.enabled", havingValue = "true", matchIfMissing = true)
    public KafkaClients kafkaClients(KafkaSettings settings, ObjectProvider<EmbeddedKafkaKraftBroker> localBroker) {
        String servers = settings.local() ? localBroker.getObject().getBrokersAsString() : settings.bootstrapServers();
        return new KafkaClients(settings, servers);
    }

    /** The publisher must never skip an event: a failure inside it propagates, and the batch is tried again. */
    @Bean
    @ConditionalOnProperty(name = "grants.kafka.enabled", havingValue = "true", matchIfMissing = true)
    public ConfigurerModule kafkaPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** One line at start on what the service does with Kafka, and in local mode how to watch the topic. */
    @EventListener(ApplicationReadyEvent.class)
    public void report(ApplicationReadyEvent ready) {
        KafkaSettings s = ready.getApplicationContext().getBean(KafkaSettings.class);
        if (!s.enabled()) {
            log.warn("Kafka is OFF (grants.kafka.enabled=false): domain events are NOT published and delivery receipts are NOT "
                    + "consumed; when switched on again, publishing resumes from its stored position");
            return;
        }
        KafkaClients clients = ready.getApplicationContext().getBean(KafkaClients.class);
        if (s.local()) {
            String local = "localhost:" + ready.getApplicationContext().getBean(LocalBrokerPort.class).port();
            log.warn("Kafka LOCAL MODE (no GRANTS_KAFKA_BOOTSTRAP_SERVERS): an embedded KRaft broker at {}, for development only; "
                            + "events on topic {}, receipts in on {} (dead letters: {}). "
                            + "Watch: kafka-console-consumer.sh --bootstrap-server {} --topic {} --from-beginning "
                            + "--property print.key=true", local, s.topics().events(), s.topics().receipts(),
                    s.topics().receiptsDeadLetter(), local, s.topics().events());
        } else {
            log.info("Kafka: publishing to {} at {} ({}), receipts in on {} (dead letters: {})", s.topics().events(),
                    clients.bootstrapServers(), s.security().protocol(), s.topics().receipts(), s.topics().receiptsDeadLetter());
        }
    }
}
