package dk.grantlifecycle.api.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.util.HashMap;
import java.util.Map;

/** The client properties every producer and consumer of the service shares: servers, client id, security. */
public final class KafkaClients {

    private final KafkaSettings settings;
    private final String bootstrapServers;

    public KafkaClients(KafkaSettings settings, String bootstrapServers) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaSettings settings() {
        return settings;
    }

    Map<String, Object> common(String clientIdSuffix) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, settings.clientId() + "-" + clientIdSuffix);
        KafkaSettings.Security s = settings.security();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, s.protocol());
        if (s.protocol().startsWith("SASL")) {
            p.put(SaslConfigs.SASL_MECHANISM, s.saslMechanism());
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + jaas(s.username()) + "\" password=\"" + jaas(s.password()) + "\";");
        }
        putIfSet(p, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, s.truststoreLocation());
        putIfSet(p, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, s.truststorePassword());
        putIfSet(p, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, s.keystoreLocation());
        putIfSet(p, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, s.keystorePassword());
        putIfSet(p, SslConfigs.SSL_KEY_PASSWORD_CONFIG, s.keyPassword());
        return p;
    }

    /**
     * The publisher's producer: idempotent, every in-sync replica acknowledges (acks=all), compressed.
     * A send that cannot complete fails within the delivery timeout and the publisher tries again.
     */
    public Map<String, Object> producer(String clientIdSuffix) {
        Map<String, Object> p = common(clientIdSuffix);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        settings.properties().forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** The receipts consumer: commits by hand, only after a receipt is stored or dead-lettered. */
    public Map<String, Object> consumer() {
        Map<String, Object> p = common("receipts");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        settings.properties().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static String jaas(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
