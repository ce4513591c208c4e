package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.api.deploy.Manifests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as operators see it, on one instance started with the production ConfigMap's
 * settings (the database aside): after a short scripted case run the metrics at
 * /actuator/prometheus are there with sensible values and without personal data, every metric
 * the dashboard and the alert rules use is served (Kafka's aside until that branch is in), the
 * probe and scrape paths of the manifests answer, and events written by the previous revision of
 * their classes are upcast and replayed into the read models.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final String START = "2026-01-05T08:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");
    /** Kafka's metrics come with the Kafka publisher (branch issue11). */
    private static final Set<String> AWAITING_KAFKA = Set.of("grants_kafka_publish_lag", "grants_kafka_publish_lag_seconds");

    private static ConfigurableApplicationContext service;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static Map<String, String> configMap;

    @BeforeAll
    static void start() throws Exception {
        // The production overlay's ConfigMap, as the pod's environment would carry it; the database is this test's own.
        configMap = new TreeMap<>();
        List<Map<String, Object>> docs = Manifests.rendered(Manifests.DEPLOY.resolve("overlays/production"));
        Manifests.ofKind(docs, "ConfigMap").forEach(c -> Manifests.map(c, "data").forEach((k, v) -> configMap.put(k, String.valueOf(v))));
        Map<String, Object> env = new HashMap<>(configMap);
        // The test runs in the local security mode (test tokens) on its own embedded database.
        env.keySet().removeAll(Set.of("SPRING_DATASOURCE_URL", "GRANTS_EXTERNAL_DATABASE_REQUIRED", "PORT", "GRANTS_SECURITY_LOCAL_ENABLED"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("manifest-systemEnvironment", env));
        service = new SpringApplicationBuilder(GrantsApplication.class).environment(environment).run("--server.port=0",
                "--grants.simulation.enabled=true", "--grants.simulation.start=" + START, "--grants.embedded-postgres.data-directory=",
                "--grants.metrics.refresh=PT0.5S");
        api = new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), "cw-ops");
        jdbc = new JdbcTemplate(service.getBean(DataSource.class));
        assertThat(service.getEnvironment().getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("after a short case run the metrics are present with sensible values, municipality as a tag, no citizen")
    void metricsAfterAScriptedRun() {
        // Three cases in two municipalities: one granted, one left to pass its case-processing deadline, one refused command.
        Workflow granted = new Workflow(api).receive("lejre", "010190-1234").assess(2).grant();
        Workflow waiting = new Workflow(api).receive("lejre", "020290-2345");
        // Tenancy: an Aabenraa case is handled by an Aabenraa user.
        Api aabenraa = new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), "cw-aab", "aabenraa",
                TestTokens.ALL_ROUND);
        new Workflow(aabenraa).receive("aabenraa", "030390-3456");
        Api.Response refused = api.post("/applications/" + waiting.applicationId + "/decision", """
                {"outcomes": [{"serviceCode": "NO-SUCH-SERVICE", "outcome": "GRANTED", "terms": {"goals": ["x"]}}]}""");
        assertThat(refused.status()).isBetween(400, 422);
        // Past both case-processing deadlines: Lejre's 5 weeks and Aabenraa's 2 months.
        assertThat(api.post("/simulation/clock/advance", "{\"by\": \"P10W\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> m = scrape();
            assertThat(sum(m, "grants_deadlines_overdue", "municipality=\"lejre\"", "kind=\"CASE_PROCESSING\"")).isEqualTo(1);
            assertThat(sum(m, "grants_deadlines_overdue", "municipality=\"aabenraa\"", "kind=\"CASE_PROCESSING\"")).isEqualTo(1);
            assertThat(sum(m, "grants_processor_lag_events")).isZero();
            assertThat(sum(m, "grants_scheduler_due")).isZero();
        });
        Map<String, Double> m = scrape();
        String text = api.getText("/actuator/prometheus");

        // Commands by type and outcome, with a latency histogram.
        assertThat(sum(m, "grants_commands_seconds_count", "type=\"ReceiveApplication\"", "outcome=\"success\"")).isEqualTo(3);
        assertThat(sum(m, "grants_commands_seconds_count", "outcome=\"success\"")).isGreaterThanOrEqualTo(8);
        assertThat(m.keySet().stream().filter(k -> k.startsWith("grants_commands_seconds_bucket{") && k.contains("type=\"ReceiveApplication\""))
                .count()).as("histogram buckets").isGreaterThan(10);
        assertThat(sum(m, "grants_commands_seconds_sum")).isPositive();
        // Events appended, by aggregate and type.
        assertThat(sum(m, "grants_events_appended_total", "aggregate=\"Application\"", "type=\"ApplicationReceived\"")).isEqualTo(3);
        assertThat(sum(m, "grants_events_appended_total", "aggregate=\"Grant\"")).isPositive();
        // Sampled every 0.5 s here: equal to the store's head once nothing more is being appended.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sum(scrape(), "grants_events_stored"))
                .isEqualTo(jdbc.queryForObject("SELECT max(globalindex) + 1 FROM domainevententry", Double.class)));
        // Every processor caught up: no lag in events or seconds, all four segments here (one instance), nothing parked.
        for (String p : List.of("case-process", "cases", "deadlines", "audit", "dst")) {
            assertThat(m).containsEntry("grants_processor_lag_events{application=\"grant-lifecycle\",processor=\"" + p + "\"}", 0.0);
            assertThat(m).containsEntry("grants_processor_lag_seconds{application=\"grant-lifecycle\",processor=\"" + p + "\"}", 0.0);
            assertThat(m).containsEntry("grants_processor_segments_claimed{application=\"grant-lifecycle\",processor=\"" + p + "\"}", 4.0);
        }
        for (String g : List.of("cases", "deadlines", "audit", "dst")) {
            assertThat(m).containsEntry("grants_deadletters_parked_events{application=\"grant-lifecycle\",processingGroup=\"" + g + "\"}", 0.0);
        }
        // Deadlines: the two undecided cases' case-processing deadlines are overdue (asserted above), the granted
        // case's is closed; its own deadlines (complaint window, follow-ups) may be overdue or due too by now.
        assertThat(sum(m, "grants_deadlines_overdue", "kind=\"CASE_PROCESSING\"")).isEqualTo(2);
        assertThat(m.keySet()).anyMatch(k -> k.startsWith("grants_deadlines_due_today{"));
        // The scheduler fired what was due; the granted case's follow-ups and windows are still scheduled.
        assertThat(sum(m, "grants_scheduler_oldest_due_age_seconds")).isZero();
        assertThat(sum(m, "grants_scheduler_tasks")).isPositive();
        // Database pool and JVM.
        assertThat(sum(m, "hikaricp_connections_max")).isEqualTo(Double.parseDouble(configMap.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")));
        assertThat(sum(m, "hikaricp_connections_active")).isGreaterThanOrEqualTo(0);
        assertThat(sum(m, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
        // Replay progress: idle until a replay runs (checked below).
        assertThat(m).containsKey("grants_replay_target{application=\"grant-lifecycle\",projection=\"cases\"}");

        // Never a citizen or a case in a metric.
        List<String> labelValues = new ArrayList<>();
        Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(String.join("\n", m.keySet()));
        while (label.find()) {
            if (!label.group(1).equals("le") && !label.group(1).equals("quantile")) {
                labelValues.add(label.group(2));
            }
        }
        assertThat(labelValues).isNotEmpty().noneMatch(v -> v.matches(".*\\d{6}-?\\d{4}.*"));
        assertThat(text).doesNotContain("Test Borger", "0101901234", "010190-1234", granted.applicationId, waiting.applicationId,
                granted.grantId);
    }

    @Test
    @Order(2)
    @DisplayName("every metric the dashboard and the alert rules use is served")
    void dashboardAndAlertsUseServedMetrics() throws Exception {
        Set<String> served = new TreeSet<>();
        scrape().keySet().forEach(k -> served.add(k.replaceAll("\\{.*", "")));
        Set<String> used = new TreeSet<>();
        JsonNode dashboard = JSON.readTree(Manifests.DEPLOY.resolve("grafana/dashboards/grant-lifecycle.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        expressions.add(Files.readString(Manifests.DEPLOY.resolve("prometheus/alerts.yml")));
        Matcher names = Pattern.compile("\\b((?:grants|hikaricp|jvm|http_server)_[a-z0-9_]+)").matcher(String.join("\n", expressions));
        while (names.find()) {
            used.add(names.group(1));
        }
        assertThat(used).hasSizeGreaterThan(15);
        used.removeAll(AWAITING_KAFKA);
        assertThat(served).as("metrics served at /actuator/prometheus").containsAll(used);
    }

    @Test
    @Order(3)
    @DisplayName("the probe and scrape paths the manifests name are served")
    void manifestPathsAreServed() throws Exception {
        Map<String, Object> deployment = Manifests.ofKind(Manifests.rendered(Manifests.DEPLOY.resolve("overlays/production")), "Deployment").get(0);
        Map<String, Object> container = Manifests.map(Manifests.list(deployment, "spec", "template", "spec", "containers").get(0));
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            paths.add((String) Manifests.at(container, probe, "httpGet", "path"));
        }
        paths.add((String) Manifests.map(deployment, "spec", "template", "metadata", "annotations").get("prometheus.io/path"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : paths) {
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port") + path))
                            .header("Authorization", Api.bearer("admin-ops")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    @DisplayName("events stored by the previous revision of their classes (as an old instance writes them during a rolling "
            + "upgrade) are upcast and replayed into the read models; the store keeps them as written")
    void previousRevisionEventsAreUpcastAndReplayed() throws Exception {
        Path stream = Path.of("..", "grant-domain", "src", "test", "resources", "old-events", "v1-stream-walkthrough.jsonl");
        List<String> lines = Files.readAllLines(stream, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            jdbc.update("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                                                  payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.get("aggregateIdentifier").asText(), e.get("sequenceNumber").asLong(), e.get("type").asText(),
                    e.get("eventIdentifier").asText(), JSON.writeValueAsBytes(e.get("metadata")), JSON.writeValueAsBytes(e.get("payload")),
                    e.get("payloadRevision").asText(), e.get("payloadType").asText(), e.get("timestamp").asText());
        }
        String decided = "d8c369bc";
        String applicationId = lines.stream().map(OperationsIT::tree).map(e -> e.get("aggregateIdentifier").asText())
                .filter(id -> id.startsWith(decided)).findFirst().orElseThrow();

        for (String projection : List.of("cases", "audit")) {
            assertThat(api.post("/admin/replays/" + projection, "{}").status()).isBetween(200, 202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String projection : List.of("cases", "audit")) {
                assertThat(api.get("/admin/replays/" + projection).body().path("state").asText()).as(projection).isEqualTo("DONE");
            }
        });
        Api.Response view = api.get("/cases/" + applicationId);
        assertThat(view.status()).as(view.body().toString()).isEqualTo(200);
        assertThat(view.body().path("grants")).as(view.body().toString()).hasSize(1);
        Api.Response trail = api.get("/cases/" + applicationId + "/audit");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().toString()).contains("ApplicationDecided", "ServiceGranted", "FollowUpCompleted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadrevision = '1'",
                Integer.class, applicationId)).isEqualTo(4);

        Map<String, Double> m = scrape();
        double total = m.get("grants_replay_target{application=\"grant-lifecycle\",projection=\"cases\"}");
        assertThat(total).isGreaterThan(lines.size());
        assertThat(m).containsEntry("grants_replay_processed{application=\"grant-lifecycle\",projection=\"cases\"}", total);
        // Nothing parked, nothing left behind by the case process on the old events.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            assertThat(sum(after, "grants_deadletters_parked_events")).isZero();
            assertThat(sum(after, "grants_processor_lag_events")).isZero();
        });
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scrape as series (name with labels, as exposed) to value. */
    static Map<String, Double> scrape() {
        Map<String, Double> series = new TreeMap<>();
        for (String line : api.getText("/actuator/prometheus").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (m.matches()) {
                series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(4)));
            }
        }
        return series;
    }

    /** The sum of the series of a metric whose labels contain all of {@code labels}. */
    static double sum(Map<String, Double> series, String name, String... labels) {
        return series.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> java.util.Arrays.stream(labels).allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
