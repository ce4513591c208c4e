package dk.grantlifecycle.api.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code grants.kafka.*}: the service's Kafka connection, topics and behaviour. Every value has an
 * environment variable in {@code application.yml}. Without bootstrap servers the service runs in
 * local mode on an embedded KRaft broker; with them it talks to a real cluster and never creates
 * topics.
 */
@ConfigurationProperties("grants.kafka")
public record KafkaSettings(boolean enabled, String bootstrapServers, String clientId, String source, String consumerGroup,
                            Topics topics, Security security, Embedded embedded, Retry retry, Map<String, String> properties) {

    public KafkaSettings {
        topics = topics == null ? new Topics(null, null, null, 0, 0) : topics;
        security = security == null ? new Security(null, null, null, null, null, null, null, null, null) : security;
        embedded = embedded == null ? new Embedded(9092) : embedded;
        retry = retry == null ? new Retry(null, null) : retry;
        properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
        clientId = blank(clientId) ? "grant-lifecycle" : clientId;
        source = blank(source) ? "urn:dk:grants:grant-lifecycle" : source;
        consumerGroup = blank(consumerGroup) ? "grant-lifecycle-receipts" : consumerGroup;
    }

    /** Local mode: no bootstrap servers configured, so the service starts its own embedded broker. */
    public boolean local() {
        return blank(bootstrapServers);
    }

    /**
     * @param events    the lifecycle topic every published domain event goes to
     * @param receipts  the inbound topic of delivery receipts (RECEIPT)
     * @param receiptsDeadLetter where malformed or refused receipts go, with the reason
     * @param partitions partitions of topics the local mode creates
     * @param retentionMs retention of topics the local mode creates (-1: kept forever)
     */
    public record Topics(String events, String receipts, String receiptsDeadLetter, int partitions, long retentionMs) {
        public Topics {
            events = blank(events) ? "grants.lifecycle.v1" : events;
            receipts = blank(receipts) ? "grants.delivery-receipts.v1" : receipts;
            receiptsDeadLetter = blank(receiptsDeadLetter) ? receipts + ".dlt" : receiptsDeadLetter;
            partitions = partitions <= 0 ? 6 : partitions;
            retentionMs = retentionMs == 0 ? -1 : retentionMs;
        }
    }

    /**
     * A real cluster's security: {@code protocol} SASL_SSL with SCRAM ({@code saslMechanism}, {@code username},
     * {@code password}) or SSL with a client certificate (mTLS: {@code keystore*}); {@code truststore*} for the
     * brokers' certificates.
     */
    public record Security(String protocol, String saslMechanism, String username, String password, String truststoreLocation,
                           String truststorePassword, String keystoreLocation, String keystorePassword, String keyPassword) {
        public Security {
            protocol = blank(protocol) ? "PLAINTEXT" : protocol;
            saslMechanism = blank(saslMechanism) ? "SCRAM-SHA-512" : saslMechanism;
        }
    }

    /** The local mode's broker: a fixed port so the README's consumer line works (0: any free port). */
    public record Embedded(int port) {
    }

    /** Back-off between attempts to publish after a failed send: doubles from {@code initial} up to {@code max}. */
    public record Retry(Duration initial, Duration max) {
        public Retry {
            initial = initial == null ? Duration.ofMillis(200) : initial;
            max = max == null ? Duration.ofSeconds(30) : max;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
