package dk.grantlifecycle.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: {@code java -jar grant-api/target/grant-api.jar} in an
 * operating system process of its own, with the README's defaults and the embedded PostgreSQL's
 * data directory set through its documented environment variable. Its console output goes to a
 * file the test reads.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("service.jar", "target/grant-api.jar"));

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, int port, Path log, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDirectory = dataDirectory;
    }

    static ServiceProcess start(Path dataDirectory, Path log, Map<String, String> environment, String... arguments) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; it is built in the package phase");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GRANTS_EMBEDDED_POSTGRES_DATA", dataDirectory.toString());
        builder.environment().put("PORT", String.valueOf(port));
        // Production mode with the tests' issuer, unless a test asks for the local mode (GRANTS_TEST_ISSUER=off).
        if (!"off".equals(environment.get("GRANTS_TEST_ISSUER"))) {
            builder.environment().putAll(TestTokens.environment());
        }
        // Without Kafka unless a test asks for it: the local mode's broker would take the README's fixed port.
        builder.environment().put("GRANTS_KAFKA_ENABLED", "false");
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), port, log, dataDirectory);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Api api(String actor) {
        return new Api(port, actor);
    }

    /** Waits until the readiness probe says UP; fails with the end of the log if the process ends first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service ended with exit code " + process.exitValue() + ":\n" + tail(60));
            }
            if (status("/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + ":\n" + tail(60));
    }

    /** The HTTP status of a GET, or -1 when there is no answer within the timeout. */
    int status(String path) {
        return status(path, Duration.ofSeconds(10));
    }

    int status(String path, Duration timeout) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** kill -9: the JVM dies at once, and nothing of it stops the embedded PostgreSQL. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Kubernetes or Ctrl-C stops it; returns how long the service took to end. */
    Duration stop(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the service did not stop within " + timeout + ":\n" + tail(40));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** Log lines at level ERROR (Spring Boot's console format puts the level after the timestamp). */
    List<String> errorLines() throws IOException {
        return logLines().stream().filter(l -> l.matches("^\\S+\\s+ERROR\\s.*")).toList();
    }

    String tail(int lines) {
        try {
            List<String> all = logLines();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The pid in the data directory's postmaster.pid, if PostgreSQL runs or ran there. */
    static Long postgresPid(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        return Files.exists(pidFile) ? Long.valueOf(Files.readAllLines(pidFile).get(0).trim()) : null;
    }

    /** Leaves nothing running: the service, and a PostgreSQL it may have left on its data directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Long pid = postgresPid(dataDirectory);
        if (pid != null) {
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> {
                    p.destroyForcibly();
                    return p;
                }).join();
            });
        }
    }
}
