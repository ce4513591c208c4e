package dk.grantlifecycle.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real PostgreSQL process behind a running service's embedded database, found through its
 * data directory, for fault injection: kill it as a crash would, freeze it (SIGSTOP) and thaw it,
 * and start it again on the same data directory and port with the options it ran with.
 */
final class EmbeddedPostgresProcess {

    private final Path dataDirectory;
    private final Path binaries;
    private final List<String> options;
    private final int port;

    private EmbeddedPostgresProcess(Path dataDirectory, Path binaries, List<String> options, int port) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.options = options;
        this.port = port;
    }

    static EmbeddedPostgresProcess of(Path dataDirectory) throws IOException {
        List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        int port = Integer.parseInt(pidFile.get(3).trim());
        // postmaster.opts holds the command line PostgreSQL was started with: "<bin>/postgres" "-D" "<dir>" "-p" ...
        List<String> commandLine = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(Files.readString(dataDirectory.resolve("postmaster.opts")));
        while (m.find()) {
            commandLine.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Path binaries = Path.of(commandLine.get(0)).getParent();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < commandLine.size(); i++) {
            if (commandLine.get(i).equals("-D")) {
                i++;
            } else {
                options.add(commandLine.get(i));
            }
        }
        return new EmbeddedPostgresProcess(dataDirectory, binaries, options, port);
    }

    int port() {
        return port;
    }

    /** With the password the service generated and keeps in the data directory. */
    String jdbcUrl() {
        try {
            String password = Files.readString(dataDirectory.resolve("grants-db-password")).trim();
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password="
                    + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL pid " + pid + " does not run"));
    }

    private List<ProcessHandle> serverProcesses() throws IOException {
        ProcessHandle postmaster = postmaster();
        return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
    }

    /** SIGKILL to the server and every backend: a crash, with no shutdown checkpoint. */
    void kill() throws IOException {
        List<ProcessHandle> all = serverProcesses();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
        }
    }

    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        serverProcesses().forEach(p -> command.add(String.valueOf(p.pid())));
        run(command);
    }

    /** Starts PostgreSQL again as the embedded library started it (crash recovery runs first). */
    void start(Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        // PostgreSQL refuses to run as root; the embedded library runs it in a user namespace for the same reason.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-o", String.join(" ", options),
                "-l", log.toString(), "-w", "-t", "60", "start"));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
