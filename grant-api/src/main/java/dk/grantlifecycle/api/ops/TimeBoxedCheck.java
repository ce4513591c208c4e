package dk.grantlifecycle.api.ops;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check that asks the database on its own thread and waits at most its time box, so a
 * PostgreSQL that is gone or frozen cannot hang {@code /actuator/health}. One check at a time:
 * while an earlier one is still stuck, the next fails at once.
 */
public final class TimeBoxedCheck<T> implements AutoCloseable {

    private final String name;
    private final Duration timeBox;
    private final ExecutorService checker;
    private Future<T> running;

    public TimeBoxedCheck(String name, Duration timeBox) {
        this.name = name;
        this.timeBox = timeBox;
        this.checker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public Duration timeBox() {
        return timeBox;
    }

    /** The check's answer, or an exception whose message says why there is none. */
    public synchronized T run(Callable<T> check) throws Exception {
        if (running != null && !running.isDone()) {
            throw new TimeoutException("an earlier " + name + " has had no answer from the database yet");
        }
        running = checker.submit(check);
        try {
            return running.get(timeBox.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + timeBox.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
