package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.GrantsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start on missing or invalid settings and names each one with its environment variable. */
class SettingsCheckTest {

    private static List<String> problems(MockEnvironment env) {
        SettingsCheck check = new SettingsCheck();
        check.setEnvironment(env);
        return check.problems();
    }

    private static MockEnvironment valid() {
        return new MockEnvironment().withProperty("grants.pseudonym-secret", "a-secret-of-32-characters-000001");
    }

    @Test
    void theLocalDefaultsPass() {
        assertThat(problems(valid().withProperty("server.port", "8080").withProperty("grants.replay", "cases, audit"))).isEmpty();
    }

    @Test
    void aDeploymentNeedsItsDatabaseAndARealSecret() {
        MockEnvironment env = new MockEnvironment().withProperty("grants.deployment.external-database-required", "true")
                .withProperty("grants.pseudonym-secret", SettingsCheck.DEVELOPMENT_SECRET);
        assertThat(problems(env)).containsExactly(
                "spring.datasource.url (SPRING_DATASOURCE_URL) is required: this deployment uses an external PostgreSQL "
                        + "(jdbc:postgresql://host:5432/database)",
                "grants.pseudonym-secret (GRANTS_PSEUDONYM_SECRET) must be set from a secret: the development default is not allowed in a deployment",
                "grants.kafka.bootstrap-servers (GRANTS_KAFKA_BOOTSTRAP_SERVERS) is required in a deployment (or "
                        + "grants.kafka.enabled (GRANTS_KAFKA_ENABLED) false): the embedded broker is for the local mode only");
        assertThat(problems(env.withProperty("grants.kafka.enabled", "false"))).hasSize(2);
    }

    @Test
    void invalidValuesAreNamedWithoutEchoingSecrets() {
        MockEnvironment env = valid().withProperty("server.port", "80a").withProperty("spring.datasource.url", "postgres://db/app")
                .withProperty("grants.read-your-writes.timeout", "two seconds").withProperty("grants.replay", "cases,kases")
                .withProperty("grants.http.max-body-size", "big").withProperty("spring.datasource.hikari.connection-timeout", "10")
                .withProperty("grants.pseudonym-secret", "short");
        assertThat(problems(env)).containsExactlyInAnyOrder(
                "server.port (PORT) is '80a' but must be a port number from 0 to 65535",
                "spring.datasource.url (SPRING_DATASOURCE_URL) is 'postgres://db/app' but must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)",
                "spring.datasource.username (SPRING_DATASOURCE_USERNAME) is required with spring.datasource.url (SPRING_DATASOURCE_URL)",
                "grants.pseudonym-secret (GRANTS_PSEUDONYM_SECRET) must be at least 16 characters",
                "grants.read-your-writes.timeout (GRANTS_READYOURWRITES_TIMEOUT) is 'two seconds' but must be a duration such as PT5S or 5s",
                "spring.datasource.hikari.connection-timeout (GRANTS_DB_CONNECTION_TIMEOUT_MS) is '10' but must be milliseconds, at least 250",
                "grants.http.max-body-size (GRANTS_HTTP_MAX_BODY_SIZE) is 'big' but must be a size such as 256KB",
                "grants.replay (GRANTS_REPLAY) is 'cases,kases' but must be a comma-separated list of [cases, deadlines, audit, dst]");
    }

    /** The check runs as a bean factory post-processor: before any bean, so before PostgreSQL, Flyway or the web server. */
    @Test
    void theServiceStopsAtStartBeforeStartingAnything() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0",
                "--grants.deployment.external-database-required=true", "--grants.embedded-postgres.data-directory=",
                // the refusal is what this test expects: keep Spring's "Application run failed" ERROR out of the build's log
                "--logging.level.org.springframework.boot.SpringApplication=off"))
                .hasStackTraceContaining("invalid configuration, the service does not start")
                .hasStackTraceContaining("spring.datasource.url (SPRING_DATASOURCE_URL) is required");
    }
}
