package dk.grantlifecycle.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one measured run (nanoseconds), its duration and its outcomes; thread-safe. */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int count;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, Long> errorKinds = new LinkedHashMap<>();
    private long startedNanos;
    private long endedNanos;

    void start() {
        startedNanos = System.nanoTime();
    }

    void end() {
        endedNanos = System.nanoTime();
    }

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void error(String kind) {
        errors.incrementAndGet();
        errorKinds.merge(kind, 1L, Long::sum);
    }

    void retry() {
        retries.incrementAndGet();
    }

    synchronized int count() {
        return count;
    }

    double seconds() {
        return (endedNanos - startedNanos) / 1e9;
    }

    double perSecond() {
        return count() / Math.max(1e-9, seconds());
    }

    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[i] / 1e6;
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operations", count);
        m.put("seconds", Report.round(seconds()));
        m.put("perSecond", Report.round(perSecond()));
        m.put("p50Ms", Report.round(percentileMillis(50)));
        m.put("p99Ms", Report.round(percentileMillis(99)));
        m.put("maxMs", Report.round(percentileMillis(100)));
        m.put("errors", errors.get());
        if (!errorKinds.isEmpty()) {
            m.put("errorKinds", new LinkedHashMap<>(errorKinds));
        }
        if (retries.get() > 0) {
            m.put("notYetVisibleRetries", retries.get());
        }
        return m;
    }
}
