package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection on the real PostgreSQL process under a running service (started as an operator
 * starts it, {@code java -jar}), while clients keep sending commands with Idempotency-Keys:
 * <ol>
 * <li>PostgreSQL is killed (SIGKILL, a crash) and started again ten seconds later;</li>
 * <li>PostgreSQL is frozen (SIGSTOP) for eight seconds and thawed.</li>
 * </ol>
 * During each fault commands fail fast with 503 problem+json and Retry-After, readiness turns DOWN
 * while liveness stays UP and no probe hangs; afterwards the service recovers by itself. Then the
 * store is checked against every answer: every 2xx command is stored, no command answered "nothing
 * was recorded" is stored, the event processors caught up with everything, and the deadline
 * scheduler fires the deadlines of commands sent around the outage.
 */
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTOR = "cw-outage";
    private static final Pattern LOGGER = Pattern.compile("\\]\\s+(\\S+)\\s+:");

    @TempDir
    Path work;

    /** One answer a client got: the key it sent, what came back and how long it took. */
    record Answer(String key, int status, String type, String id, long millis, boolean problemWithRetryAfter) {
        boolean stored() {
            return status / 100 == 2;
        }

        boolean notRecorded() {
            return status == 503 && type.endsWith("/database-unavailable");
        }

        boolean unknown() {
            return status == 503 && type.endsWith("/outcome-unknown");
        }
    }

    /** Clients sending applications, each with an Idempotency-Key of its own, until stopped. */
    static final class Load implements AutoCloseable {

        private static final String RECEIVE = """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""";

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients;

        Load(int port, int clients) {
            this.clients = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                this.clients.submit(() -> {
                    while (running.get()) {
                        answers.add(send(port));
                    }
                });
            }
        }

        private Answer send(int port) {
            String key = UUID.randomUUID().toString();
            long started = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/applications"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Authorization", Api.bearer(ACTOR))
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(RECEIVE)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
                boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        && r.headers().firstValue("Retry-After").isPresent();
                return new Answer(key, r.statusCode(), body.path("type").asText(""), body.path("id").asText(null), millis(started),
                        problem);
            } catch (IOException e) {
                return new Answer(key, -1, e.getClass().getSimpleName(), null, millis(started), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(key, -1, "interrupted", null, millis(started), false);
            }
        }

        private static long millis(long started) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }

        List<Answer> stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).as("every client got an answer or gave up").isTrue();
            return List.copyOf(answers);
        }

        @Override
        public void close() {
            running.set(false);
            clients.shutdownNow();
        }
    }

    @Test
    @DisplayName("PostgreSQL killed and frozen under load: 503 while it is gone, readiness DOWN and UP, nothing misreported or lost")
    void outageAndFreeze() throws Exception {
        Path data = work.resolve("postgres");
        List<Answer> all = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(data, work.resolve("service.log"),
                Map.of("GRANTS_DB_SOCKET_TIMEOUT_S", "5"), "--grants.simulation.enabled=true")) {
            service.awaitReady(Duration.ofSeconds(120));
            EmbeddedPostgresProcess postgres = EmbeddedPostgresProcess.of(data);

            // 1. PostgreSQL crashes and comes back ten seconds later.
            int logBefore = service.logLines().size();
            List<Answer> outage;
            long down;
            long recovered;
            try (Load load = new Load(service.port(), 4)) {
                Thread.sleep(3000);
                postgres.kill();
                long killedAt = System.nanoTime();
                down = awaitStatus(service, "/actuator/health/readiness", 503, Duration.ofSeconds(20));
                assertThat(service.status("/actuator/health/liveness", Duration.ofSeconds(5))).as("liveness while PostgreSQL is gone")
                        .isEqualTo(200);
                assertProbesAnswerPromptly(service, 200, 503);
                Thread.sleep(Math.max(0, 10_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)));
                postgres.start(work.resolve("postgres-restarted.log"));
                recovered = awaitStatus(service, "/actuator/health/readiness", 200, Duration.ofSeconds(60));
                Thread.sleep(3000);
                outage = load.stop();
            }
            all.addAll(outage);
            List<String> outageErrors = service.logLines().subList(logBefore, service.logLines().size()).stream()
                    .filter(l -> l.matches("^\\S+\\s+ERROR\\s.*")).toList();
            report("kill", outage, down, recovered);
            System.out.println("[outage] log lines at level error the service wrote while PostgreSQL was down, by logger: " + byLogger(outageErrors));
            assertThat(outage).filteredOn(Answer::notRecorded).as("503 while PostgreSQL was gone").isNotEmpty();
            assertThat(outage).filteredOn(Answer::stored).as("2xx after it came back").isNotEmpty();

            // 2. PostgreSQL freezes (SIGSTOP) for eight seconds: nothing may hang on it.
            List<Answer> freeze;
            long frozenDown;
            long thawed;
            try (Load load = new Load(service.port(), 4)) {
                Thread.sleep(2000);
                postgres.freeze();
                long frozenAt = System.nanoTime();
                try {
                    frozenDown = awaitStatus(service, "/actuator/health/readiness", 503, Duration.ofSeconds(20));
                    assertThat(service.status("/actuator/health/liveness", Duration.ofSeconds(5))).isEqualTo(200);
                    assertProbesAnswerPromptly(service, 200, 503);
                    Thread.sleep(Math.max(0, 8_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt)));
                } finally {
                    postgres.thaw();
                }
                thawed = awaitStatus(service, "/actuator/health/readiness", 200, Duration.ofSeconds(60));
                Thread.sleep(2000);
                freeze = load.stop();
            }
            all.addAll(freeze);
            report("freeze", freeze, frozenDown, thawed);
            assertThat(freeze).filteredOn(a -> a.status() != -1).extracting(Answer::millis).as("no command hung on the frozen database")
                    .allMatch(ms -> ms < 20_000);
            assertThat(freeze).filteredOn(Answer::stored).isNotEmpty();

            // 3. The store against every answer.
            List<String> log = service.logLines();
            assertThat(all).filteredOn(a -> a.status() != -1 && !a.stored() && a.status() != 503)
                    .as("answers other than 2xx or 503; the service logged:%n%s", unexpectedFailures(log)).isEmpty();
            assertThat(all).filteredOn(a -> a.status() == 503).as("every 503 is problem+json with Retry-After")
                    .allMatch(Answer::problemWithRetryAfter);
            Set<String> storedKeys = new HashSet<>();
            Set<String> receivedIds = new HashSet<>();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl())) {
                query(db, "SELECT idem_key FROM idempotency_key WHERE actor = '" + ACTOR + "'", storedKeys);
                query(db, "SELECT aggregateidentifier FROM domainevententry WHERE payloadtype LIKE '%$ApplicationReceived'", receivedIds);
            }
            for (Answer a : all) {
                if (a.stored()) {
                    assertThat(storedKeys).as("a 2xx command's key is stored").contains(a.key());
                    assertThat(receivedIds).as("a 2xx command's events are stored").contains(a.id());
                }
                if (a.notRecorded()) {
                    assertThat(storedKeys).as("a command answered 'nothing was recorded' was not stored").doesNotContain(a.key());
                }
            }
            Set<String> accounted = new HashSet<>();
            all.stream().filter(a -> a.stored() || a.unknown() || a.status() == -1).forEach(a -> accounted.add(a.key()));
            assertThat(accounted).as("every stored key belongs to a 2xx, an 'outcome unknown' or a request that got no answer")
                    .containsAll(storedKeys);
            assertThat(storedKeys).as("one application per stored key").hasSize((int) countReceivedFor(postgres));

            // The event processors recovered: every stored application reaches the read model.
            Api api = service.api(ACTOR);
            List<String> ids = all.stream().filter(Answer::stored).map(Answer::id).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> api.get("/cases/" + id).status() == 200));
            // The deadline scheduler recovered: the case-processing deadline of every application fires.
            assertThat(api.post("/simulation/clock/advance", "{\"by\": \"P6W\"}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(90)).until(() -> deadlinesReached(postgres) >= storedKeys.size());

            int beforeStop = service.logLines().size();
            Duration stopped = service.stop(Duration.ofSeconds(30));
            List<String> shutdownErrors = service.logLines().subList(beforeStop, service.logLines().size()).stream()
                    .filter(l -> l.matches("^\\S+\\s+ERROR\\s.*")).toList();
            System.out.printf("[outage] graceful stop after the faults: %d ms, %d log lines at level error%n", stopped.toMillis(),
                    shutdownErrors.size());
            assertThat(shutdownErrors).isEmpty();
        }
    }

    /** Health, readiness and liveness all answer within three seconds, whatever the database does. */
    /** Each "unexpected failure" the service logged, with the first lines of its trace (to find the cause of a 500). */
    private static String unexpectedFailures(List<String> log) {
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains("unexpected failure")) {
                log.subList(i, Math.min(log.size(), i + 120)).stream().filter(l -> !l.contains("\tat org.springframework") && !l.contains("\tat org.apache")).forEach(l -> found.append(l).append('\n'));
            }
        }
        return found.toString();
    }

    private static void assertProbesAnswerPromptly(ServiceProcess service, int liveness, int readiness) {
        for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            long started = System.nanoTime();
            int status = service.status(probe, Duration.ofSeconds(10));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(ms).as(probe + " answered in").isLessThan(3000);
            assertThat(status).as(probe).isEqualTo(probe.endsWith("liveness") ? liveness : readiness);
        }
    }

    private static long awaitStatus(ServiceProcess service, String path, int status, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (service.status(path, Duration.ofSeconds(5)) == status) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not become " + status + " within " + timeout + "\n" + service.tail(40));
    }

    private static void report(String fault, List<Answer> answers, long readinessDownMs, long readinessUpMs) {
        long ok = answers.stream().filter(Answer::stored).count();
        long notRecorded = answers.stream().filter(Answer::notRecorded).count();
        long unknown = answers.stream().filter(Answer::unknown).count();
        long noAnswer = answers.stream().filter(a -> a.status() == -1).count();
        long other = answers.size() - ok - notRecorded - unknown - noAnswer;
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        System.out.printf("[outage] %s: %d commands sent, %d 2xx, %d 503 nothing recorded, %d 503 outcome unknown, %d other, "
                        + "%d without answer; slowest %d ms; readiness DOWN after %d ms, UP again %d ms after the database returned%n",
                fault, answers.size(), ok, notRecorded, unknown, other, noAnswer, slowest, readinessDownMs, readinessUpMs);
    }

    private static Map<String, Integer> byLogger(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            Matcher m = LOGGER.matcher(line);
            counts.merge(m.find() ? m.group(1) : "?", 1, Integer::sum);
        }
        return counts;
    }

    private static void query(Connection db, String sql, Set<String> into) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    private static long countReceivedFor(EmbeddedPostgresProcess postgres) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement s = db.prepareStatement("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$ApplicationReceived'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long deadlinesReached(EmbeddedPostgresProcess postgres) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement s = db.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$CaseProcessingDeadlineReached'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
