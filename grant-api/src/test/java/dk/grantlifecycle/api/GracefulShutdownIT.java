package dk.grantlifecycle.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stopped while clients are sending commands, as Ctrl-C or Kubernetes stops it: the
 * stop logs no ERROR, ends well within Kubernetes' 30 s grace period, and every command answered
 * 2xx is in the store when the service starts again on the same data directory.
 */
class GracefulShutdownIT {

    private static final String RECEIVE = """
            {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""";

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0",
                "--grants.embedded-postgres.data-directory=" + data.resolve("postgres"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    @DisplayName("a graceful stop under load logs no ERROR, takes well under 30 s and keeps every acknowledged command")
    void gracefulStopUnderLoad() throws Exception {
        ConfigurableApplicationContext service = start();
        Api api = new Api(port(service), "cw-shutdown");
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        Api.Response r = api.post("/applications", RECEIVE);
                        if (r.status() == 201) {
                            acknowledged.add(r.text("id"));
                        } else {
                            refusals.add(r.status());
                        }
                    } catch (RuntimeException e) {
                        // The server no longer takes connections: the client sees it go away, as it should.
                    }
                }
            });
        }

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        long took;
        try {
            Thread.sleep(2000);
            long started = System.nanoTime();
            service.close();
            took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
            root.detachAppender(log);
        }
        List<String> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        System.out.printf("[shutdown] stopped under load in %d ms; %d commands acknowledged, refusals %s, %d log lines at level error%n",
                took, acknowledged.size(), refusals, errors.size());
        assertThat(errors).as("ERROR logged while stopping").isEmpty();
        assertThat(Duration.ofMillis(took)).isLessThan(Duration.ofSeconds(30));
        assertThat(acknowledged).isNotEmpty();
        assertThat(refusals).as("no command failed because the service was stopping").isEmpty();

        try (ConfigurableApplicationContext again = start()) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            List<String> stored = jdbc.queryForList(
                    "SELECT aggregateidentifier FROM domainevententry WHERE payloadtype LIKE '%$ApplicationReceived'", String.class);
            assertThat(stored).as("every acknowledged command is stored").containsAll(acknowledged);
        }
    }
}
