package dk.grantlifecycle.api.config;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL that an earlier run of the service left running on the embedded data directory.
 * When the service is killed hard (kill -9, an IDE's stop button, the OOM killer) its embedded
 * PostgreSQL keeps running, and the next start would fail on PostgreSQL's lock file. This class
 * finds such a server before the embedded PostgreSQL starts and stops it, but only when it is
 * orphaned: the embedded PostgreSQL library holds a file lock ({@code epg-lock}) in the data
 * directory for as long as the service that started it lives, and the operating system releases
 * that lock when the process dies. A server whose lock is still held belongs to a running service
 * and is never touched.
 */
final class LeftoverPostgres {

    /** The lock file the embedded PostgreSQL library holds while its service runs. */
    private static final String LOCK_FILE = "epg-lock";

    private LeftoverPostgres() {
    }

    /**
     * Looks at {@code postmaster.pid} in the data directory and makes the directory startable.
     *
     * @return one line saying what was found and done, or empty when the directory was clean
     * @throws IllegalStateException when a running service uses the directory
     */
    static Optional<String> clear(Path dataDirectory, Duration stopWait) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return Optional.of("removed an unreadable postmaster.pid from " + dataDirectory);
        }
        String port = lines.size() > 3 ? lines.get(3).trim() : "?";
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself replaces a lock file whose process is gone.
            return Optional.of("found a postmaster.pid of PostgreSQL pid " + pid + " that no longer runs on " + dataDirectory
                    + " (an unclean stop); PostgreSQL recovers at start");
        }
        if (!isPostgres(process.get())) {
            Files.deleteIfExists(pidFile);
            return Optional.of("removed a stale postmaster.pid from " + dataDirectory + ": its pid " + pid
                    + " now belongs to another program");
        }
        if (lockedByLiveService(dataDirectory)) {
            throw new IllegalStateException("the embedded PostgreSQL data directory " + dataDirectory
                    + " is in use by another running instance of the service (PostgreSQL pid " + pid + ", port " + port
                    + "); stop it or set grants.embedded-postgres.data-directory to another directory");
        }
        long started = System.nanoTime();
        String how = stop(process.get(), stopWait);
        return Optional.of("found PostgreSQL (pid " + pid + ", port " + port + ") left running on " + dataDirectory
                + " by a service that ended without stopping it; " + how + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms and starting afresh");
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe") || c.equals("postgres"))
                .orElse(false);
    }

    private static boolean lockedByLiveService(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** SIGTERM is PostgreSQL's smart shutdown; the dead service's sessions are gone, so it ends at once. */
    private static String stop(ProcessHandle postgres, Duration wait) {
        postgres.destroy();
        if (awaitExit(postgres, wait)) {
            return "stopped it (SIGTERM)";
        }
        postgres.destroyForcibly();
        awaitExit(postgres, wait);
        return "killed it after " + wait.toSeconds() + " s without a clean stop (SIGKILL; PostgreSQL recovers from its WAL)";
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
