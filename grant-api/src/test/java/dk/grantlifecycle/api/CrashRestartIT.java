package dk.grantlifecycle.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service started as an operator starts it ({@code java -jar}, README defaults, its data
 * directory through GRANTS_EMBEDDED_POSTGRES_DATA), killed hard with its embedded PostgreSQL left
 * running, and started again: it starts, says in one line what it found, still has its data, and
 * a SIGTERM then stops it cleanly (no ERROR, well within Kubernetes' 30 s grace period, PostgreSQL
 * stopped last).
 */
class CrashRestartIT {

    private static final String RECEIVE = """
            {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
             "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}]}""";

    @TempDir
    Path work;

    @Test
    @DisplayName("kill -9 leaves PostgreSQL running; the next start stops it, says so in one line, and starts")
    void startsAfterAHardKill() throws Exception {
        Path data = work.resolve("postgres");
        String caseId;
        long leftover;
        // Not closed before the second start: closing would also stop the PostgreSQL it leaves behind.
        ServiceProcess first = ServiceProcess.start(data, work.resolve("first.log"), Map.of());
        try {
            first.awaitReady(Duration.ofSeconds(120));
            Api.Response created = first.api("cw-crash").post("/applications", RECEIVE);
            assertThat(created.status()).isEqualTo(201);
            caseId = created.text("id");
            leftover = ServiceProcess.postgresPid(data);

            first.killHard();
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed service")
                    .contains(true);
        } catch (RuntimeException | AssertionError e) {
            first.close();
            throw e;
        }

        try (ServiceProcess second = ServiceProcess.start(data, work.resolve("second.log"), Map.of())) {
            second.awaitReady(Duration.ofSeconds(120));
            List<String> found = second.logLines().stream().filter(l -> l.contains("left running on")).toList();
            assertThat(found).as("one line says what was found").hasSize(1);
            assertThat(found.get(0)).contains("pid " + leftover, data.toString());
            System.out.println("[crash-restart] " + found.get(0).substring(found.get(0).indexOf("found ")));
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(second.api("cw-crash").get("/cases/" + caseId).status()).as("the data survived").isEqualTo(200);

            long postgres = ServiceProcess.postgresPid(data);
            Duration stopped = second.stop(Duration.ofSeconds(30));
            System.out.printf("[crash-restart] graceful stop (SIGTERM) took %d ms; exit code %d%n", stopped.toMillis(),
                    second.exitValue());
            assertThat(stopped).isLessThan(Duration.ofSeconds(30));
            assertThat(second.errorLines()).as("ERROR lines in the service's log").isEmpty();
            ProcessHandle.of(postgres).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false)).as("PostgreSQL stopped").isFalse();
            assertThat(ServiceProcess.postgresPid(data)).as("postmaster.pid removed by a clean stop").isNull();
            List<String> lines = second.logLines();
            assertThat(indexOf(lines, "Commencing graceful shutdown")).as("the web server drains first")
                    .isLessThan(indexOf(lines, "deadline scheduler paused"));
            assertThat(indexOf(lines, "deadline scheduler paused")).isLessThan(indexOf(lines, "shut down postmaster"));
        } finally {
            first.close();
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no log line contains '" + text + "'");
    }
}
