package dk.grantlifecycle.api.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import dk.grantlifecycle.api.security.SecurityMode;
import dk.grantlifecycle.api.security.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.grantlifecycle.api.deploy.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest in {@code deploy/} parses, and what the Kubernetes overlays and the compose file
 * tell the service (environment variables, port, probe and scrape paths) is what the service reads
 * and serves. That the probe and scrape paths really answer is checked on a running service by
 * {@code OperationsIT}.
 */
class DeployManifestsTest {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final String PROMETHEUS = "/actuator/prometheus";

    @Test
    void everyYamlFileInDeployParses() throws Exception {
        List<Path> files = yamlFiles();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            assertThat(documents(Files.readString(f))).as(f.toString()).isNotEmpty();
        }
        new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/grant-lifecycle.json").toFile());
    }

    @Test
    void overlaysRunSeveralInstancesWithProbesPortsAndSecretsTheServiceUses() throws Exception {
        Set<String> read = readByService();
        List<Path> overlays = overlays();
        assertThat(overlays).extracting(p -> p.getFileName().toString()).contains("local", "production");
        for (Path overlay : overlays) {
            List<Map<String, Object>> docs = rendered(overlay);
            String name = overlay.getFileName().toString();
            Map<String, Object> deployment = ofKind(docs, "Deployment").get(0);
            assertThat((Integer) at(deployment, "spec", "replicas")).as(name + " replicas").isGreaterThanOrEqualTo(2);
            Map<String, Object> container = map(list(deployment, "spec", "template", "spec", "containers").get(0));

            // Environment: from the container and the ConfigMaps it takes whole.
            Map<String, String> env = new java.util.TreeMap<>();
            for (Object e : list(container, "env")) {
                env.put((String) map(e).get("name"), String.valueOf(map(e).get("value")));
            }
            for (Object from : list(container, "envFrom")) {
                String cm = (String) at(from, "configMapRef", "name");
                Map<String, Object> configMap = ofKind(docs, "ConfigMap").stream()
                        .filter(c -> cm.equals(at(c, "metadata", "name"))).findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + cm));
                map(configMap, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
            assertReadByService(name, env.keySet(), read);
            assertThat(securityModeOf(env)).as(name + ": the service these settings start validates the issuer's tokens")
                    .isEqualTo(SecurityMode.PRODUCTION);
            assertThat(env).as(name).containsEntry("GRANTS_EXTERNAL_DATABASE_REQUIRED", "true").containsKeys(
                    "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "GRANTS_PSEUDONYM_SECRET",
                    "GRANTS_MASTER_KEY", "GRANTS_JWT_ISSUER_URI", "GRANTS_METRICS_SCRAPE_USERNAME", "GRANTS_METRICS_SCRAPE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS");
            // Credentials come from Secrets, never from the ConfigMap.
            for (String secret : List.of("SPRING_DATASOURCE_PASSWORD", "GRANTS_PSEUDONYM_SECRET", "GRANTS_MASTER_KEY",
                    "GRANTS_JWT_ISSUER_URI", "GRANTS_METRICS_SCRAPE_PASSWORD", "GRANTS_KAFKA_PASSWORD")) {
                Object ref = list(container, "env").stream().filter(e -> secret.equals(map(e).get("name"))).findFirst()
                        .map(e -> at(e, "valueFrom", "secretKeyRef", "name")).orElse(null);
                assertThat(ref).as(name + ": " + secret + " from a Secret").isNotNull();
            }

            // Port: the one the service listens on (PORT, default of server.port) and the one probes and Service use.
            Map<String, Object> port = map(list(container, "ports").get(0));
            assertThat(port.get("containerPort")).as(name + " containerPort").isEqualTo(Integer.parseInt(env.get("PORT")));
            assertThat(Files.readString(APPLICATION_YML)).contains("port: ${PORT:" + env.get("PORT") + "}");
            String portName = (String) port.get("name");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(at(container, probe, "httpGet", "port")).as(name + " " + probe + " port").isEqualTo(portName);
            }
            assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo(LIVENESS);
            assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo(LIVENESS);
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo(READINESS);
            assertThat(map(deployment, "spec", "template", "metadata", "annotations"))
                    .containsEntry("prometheus.io/path", PROMETHEUS).containsEntry("prometheus.io/port", env.get("PORT"));
            Map<String, Object> service = ofKind(docs, "Service").get(0);
            assertThat(at(list(service, "spec", "ports").get(0), "targetPort")).isEqualTo(portName);

            // Resources: requests and a memory limit; the heap is a share of the limit.
            assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(map(container, "resources", "limits")).containsKey("memory");
            assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("MaxRAMPercentage");

            // A disruption budget, PostgreSQL and Kafka (KRaft) by their operators.
            assertThat(ofKind(docs, "PodDisruptionBudget")).as(name).hasSize(1);
            assertThat(ofKind(docs, "Cluster")).as(name).singleElement()
                    .satisfies(c -> assertThat(c.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1"));
            assertThat(ofKind(docs, "Kafka")).as(name).singleElement().satisfies(k -> {
                assertThat(k.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
                assertThat(map(k, "metadata", "annotations")).containsEntry("strimzi.io/kraft", "enabled");
            });
            assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://grants-db-rw:");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith("grants-kafka-kafka-bootstrap:");
        }
    }

    @Test
    void applicationServesTheProbeGroupsAndTheScrapeEndpoint() throws Exception {
        Map<String, Object> management = map(documents(Files.readString(APPLICATION_YML)).get(0), "management");
        assertThat(at(management, "endpoint", "health", "probes", "enabled")).isEqualTo(true);
        assertThat(map(management, "endpoint", "health", "group")).containsKeys("liveness", "readiness");
        assertThat(String.valueOf(at(management, "endpoints", "web", "exposure", "include"))).contains("health", "prometheus");
    }

    @Test
    @DisplayName("compose.yaml (parsed: no Docker engine here) runs two instances behind a proxy with PostgreSQL, Kafka KRaft, "
            + "Prometheus and Grafana, with settings the service reads")
    void composeFileDescribesTheMultiNodeStack() throws Exception {
        Map<String, Object> compose = documents(Files.readString(DEPLOY.resolve("compose.yaml"))).get(0);
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("grants-1", "grants-2", "proxy", "postgres", "kafka", "prometheus", "grafana");
        Set<String> read = readByService();
        for (String node : List.of("grants-1", "grants-2")) {
            Map<String, Object> env = map(services.get(node), "environment");
            assertReadByService("compose " + node, env.keySet(), read);
            assertThat(env).containsEntry("PORT", "8080").containsEntry("GRANTS_EXTERNAL_DATABASE_REQUIRED", "true");
            assertThat(String.valueOf(env.get("SPRING_DATASOURCE_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(String.valueOf(at(services.get(node), "healthcheck", "test"))).contains(READINESS);
            Map<String, String> values = new java.util.TreeMap<>();
            env.forEach((k, v) -> values.put(k, String.valueOf(v)));
            assertThat(securityModeOf(values)).as("compose: the local mode, its signing key shared through the one database")
                    .isEqualTo(SecurityMode.LOCAL);
        }
        assertThat(String.valueOf(at(services.get("kafka"), "environment", "KAFKA_PROCESS_ROLES"))).contains("controller", "broker");
        // Every file the stack mounts exists.
        for (Object service : services.values()) {
            for (Object volume : list(service, "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DEPLOY.resolve(source)).as(source).exists();
                }
            }
        }
        String nginx = Files.readString(DEPLOY.resolve("compose/nginx.conf"));
        assertThat(nginx).contains("server grants-1:8080", "server grants-2:8080");
        Map<String, Object> prometheus = documents(Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"))).get(0);
        Map<String, Object> job = map(list(prometheus, "scrape_configs").get(0));
        assertThat(job.get("metrics_path")).isEqualTo(PROMETHEUS);
        assertThat(list(list(job, "static_configs").get(0), "targets")).containsExactlyInAnyOrder("grants-1:8080", "grants-2:8080");
    }

    @Test
    void productionAlertRulesAreThoseOfThePrometheusFile() throws Exception {
        Map<String, Object> rules = documents(Files.readString(DEPLOY.resolve("prometheus/alerts.yml"))).get(0);
        Map<String, Object> prometheusRule = documents(Files.readString(DEPLOY.resolve("overlays/production/prometheusrule.yaml"))).get(0);
        assertThat(prometheusRule.get("spec")).isEqualTo(rules);
        Set<String> alerts = new HashSet<>();
        list(list(rules, "groups").get(0), "rules").forEach(r -> alerts.add((String) map(r).get("alert")));
        assertThat(alerts).contains("GrantsDeadlineBacklog", "GrantsProcessorLag", "GrantsDeadLetters", "GrantsKafkaPublishLag",
                "GrantsSchedulerStuck");
    }

    /**
     * The security mode the service starts in with these environment variables (secrets stand for a value),
     * bound through application.yml as the service binds it; a setting the mode refuses throws as at start.
     */
    private static SecurityMode securityModeOf(Map<String, String> env) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, Object> values = new java.util.HashMap<>();
        env.forEach((k, v) -> values.put(k, "null".equals(v) ? "from-a-secret" : v));
        sources.addFirst(new SystemEnvironmentPropertySource("manifest", values));
        for (PropertySource<?> yml : new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(APPLICATION_YML))) {
            sources.addLast(yml);
        }
        SecuritySettings settings = Binder.get(environment).bind("grants.security", SecuritySettings.class)
                .orElseThrow(() -> new AssertionError("no grants.security settings"));
        return SecurityMode.of(settings);
    }

    private static void assertReadByService(String where, Set<String> env, Set<String> read) {
        List<String> unknown = new ArrayList<>();
        for (String name : env) {
            if (read.contains(name) || JVM.contains(name)) {
                continue;
            }
            unknown.add(name);
        }
        assertThat(unknown).as(where + ": environment variables the service does not read").isEmpty();
    }
}
