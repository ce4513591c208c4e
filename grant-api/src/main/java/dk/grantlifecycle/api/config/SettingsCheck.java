package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Fails the start at once, before any database, scheduler or web server starts, when a setting is
 * missing or invalid, naming each such setting with its environment variable and what it must be.
 * A deployment ({@code grants.deployment.external-database-required=true}, set by the manifests in
 * {@code deploy/}) must name its PostgreSQL and its own pseudonym secret; the local run mode keeps
 * its embedded defaults.
 */
@Component
public class SettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    /** The development default of {@code grants.pseudonym-secret}; a deployment must replace it. */
    static final String DEVELOPMENT_SECRET = "development-only-pseudonym-secret";

    private Environment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
    }

    /** Thrown at start; its message lists every setting that is wrong. */
    public static final class InvalidSettings extends IllegalStateException {
        InvalidSettings(List<String> problems) {
            super("invalid configuration, the service does not start:\n  - " + String.join("\n  - ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        boolean deployment = Boolean.parseBoolean(value("grants.deployment.external-database-required", "false"));
        check(problems, "grants.deployment.external-database-required", "true or false",
                v -> v.equals("true") || v.equals("false"));
        check(problems, "server.port", "a port number from 0 to 65535", v -> integer(v, 0, 65535));

        String url = value("spring.datasource.url", "");
        if (url.isBlank()) {
            if (deployment) {
                problems.add(named("spring.datasource.url") + " is required: this deployment uses an external PostgreSQL "
                        + "(jdbc:postgresql://host:5432/database)");
            }
        } else {
            check(problems, "spring.datasource.url", "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)",
                    v -> v.startsWith("jdbc:postgresql://") && v.length() > "jdbc:postgresql://".length());
            if (value("spring.datasource.username", "").isBlank()) {
                problems.add(named("spring.datasource.username") + " is required with " + named("spring.datasource.url"));
            }
        }

        String secret = value("grants.pseudonym-secret", "");
        if (secret.length() < 16) {
            problems.add(named("grants.pseudonym-secret") + " must be at least 16 characters");
        } else if (deployment && secret.equals(DEVELOPMENT_SECRET)) {
            problems.add(named("grants.pseudonym-secret") + " must be set from a secret: the development default is not allowed in a deployment");
        }

        boolean kafka = Boolean.parseBoolean(value("grants.kafka.enabled", "true"));
        if (deployment && kafka && value("grants.kafka.bootstrap-servers", "").isBlank()) {
            problems.add(named("grants.kafka.bootstrap-servers") + " is required in a deployment (or "
                    + named("grants.kafka.enabled") + " false): the embedded broker is for the local mode only");
        }

        for (String duration : List.of("grants.read-your-writes.timeout", "grants.idempotency.retention", "grants.idempotency.purge-interval",
                "grants.db.retry-after", "grants.health.db-timeout", "grants.metrics.refresh", "grants.cluster.balance-interval",
                "grants.cluster.node-timeout", "grants.cluster.release-for", "grants.cluster.token-store-interval", "spring.lifecycle.timeout-per-shutdown-phase",
                "axon.eventhandling.tokenstore.claim-timeout")) {
            check(problems, duration, "a duration such as PT5S or 5s", SettingsCheck::duration);
        }
        check(problems, "spring.datasource.hikari.connection-timeout", "milliseconds, at least 250", v -> integer(v, 250, Integer.MAX_VALUE));
        check(problems, "spring.datasource.hikari.maximum-pool-size", "a pool size from 1 to 1000", v -> integer(v, 1, 1000));
        check(problems, "spring.datasource.hikari.data-source-properties.socketTimeout", "seconds, 0 or more",
                v -> integer(v, 0, Integer.MAX_VALUE));
        check(problems, "grants.http.max-body-size", "a size such as 256KB", v -> {
            try {
                return DataSize.parse(v).toBytes() > 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        check(problems, "grants.replay", "a comma-separated list of " + ProjectionReplay.PROJECTIONS,
                v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).allMatch(ProjectionReplay.PROJECTIONS::contains));
        check(problems, "grants.rules.directory", "an existing directory", v -> v.isBlank() || Files.isDirectory(Path.of(v)));
        return problems;
    }

    private void check(List<String> problems, String property, String expected, Predicate<String> valid) {
        String v = env.getProperty(property);
        if (v != null && !valid.test(v.trim())) {
            problems.add(named(property) + " is '" + shown(property, v) + "' but must be " + expected);
        }
    }

    private String value(String property, String otherwise) {
        String v = env.getProperty(property);
        return v == null ? otherwise : v.trim();
    }

    /** The setting as an operator meets it: property and environment variable. */
    static String named(String property) {
        return property + " (" + ENVIRONMENT.getOrDefault(property,
                property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "")) + ")";
    }

    /** Settings whose environment variable application.yml names itself (the others bind by Spring's relaxed names). */
    private static final java.util.Map<String, String> ENVIRONMENT = java.util.Map.ofEntries(
            java.util.Map.entry("server.port", "PORT"),
            java.util.Map.entry("grants.deployment.external-database-required", "GRANTS_EXTERNAL_DATABASE_REQUIRED"),
            java.util.Map.entry("grants.pseudonym-secret", "GRANTS_PSEUDONYM_SECRET"),
            java.util.Map.entry("grants.rules.directory", "GRANTS_RULES_DIRECTORY"),
            java.util.Map.entry("grants.replay", "GRANTS_REPLAY"),
            java.util.Map.entry("grants.http.max-body-size", "GRANTS_HTTP_MAX_BODY_SIZE"),
            java.util.Map.entry("grants.idempotency.retention", "GRANTS_IDEMPOTENCY_RETENTION"),
            java.util.Map.entry("spring.datasource.hikari.connection-timeout", "GRANTS_DB_CONNECTION_TIMEOUT_MS"),
            java.util.Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "GRANTS_DB_SOCKET_TIMEOUT_S"),
            java.util.Map.entry("grants.cluster.node-id", "GRANTS_NODE_ID"),
            java.util.Map.entry("grants.kafka.enabled", "GRANTS_KAFKA_ENABLED"),
            java.util.Map.entry("grants.kafka.bootstrap-servers", "GRANTS_KAFKA_BOOTSTRAP_SERVERS"));

    private static String shown(String property, String value) {
        // Never echo a secret.
        return property.contains("secret") || property.contains("password") ? "***" : value;
    }

    private static boolean integer(String v, int min, int max) {
        try {
            long n = Long.parseLong(v);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean duration(String v) {
        try {
            DurationStyle.detectAndParse(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
