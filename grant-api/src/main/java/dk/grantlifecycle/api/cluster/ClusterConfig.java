package dk.grantlifecycle.api.cluster;

import dk.grantlifecycle.domain.process.CaseProcess;
import dk.grantlifecycle.projections.CaseSequencingPolicy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.UUID;

/**
 * Several instances on one PostgreSQL. Each instance has its own identity as a token owner
 * ({@code grants.cluster.node-id}, by default the host name, which is the pod name in Kubernetes,
 * plus a random suffix, so two instances in one JVM or after a restart never share claims). The
 * case process is sequenced by case like the projections, so its segments too may be spread over
 * instances without reordering a case's events.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfig {

    @Bean
    @Qualifier("nodeId")
    public String nodeId(@Value("${grants.cluster.node-id:}") String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Axon's JDBC token store, as its auto-configuration builds it, with this instance's owner name. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, @Qualifier("serializer") Serializer serializer,
                                 @Qualifier("nodeId") String nodeId,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).schema(TokenSchema.builder().build()).serializer(serializer)
                .claimTimeout(claimTimeout).nodeId(nodeId).build();
    }

    @Bean
    public ConfigurerModule caseProcessByCase() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(CaseProcess.PROCESSING_GROUP, c -> new CaseSequencingPolicy());
    }

    /**
     * Every pooled processor: a segment that sees only other cases' events stores its position at
     * least every {@code grants.cluster.token-store-interval} (Axon's default is 5 s). Another
     * instance's read-your-writes wait reads that position from the token table, so with the
     * default a command answered on one instance would often wait the whole read-your-writes bound
     * for segments idle on the other. (The processors keep Axon's clock, which is the service's clock: a
 * segment's release deadline is computed with it, so a processor on another clock would reclaim a
 * released segment at once.)
     */
    @Bean
    public ConfigurerModule tokenStoreInterval(@Value("${grants.cluster.token-store-interval:PT0.5S}") Duration interval) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.claimExtensionThreshold(interval.toMillis()));
    }
}
