package dk.grantlifecycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples the JVM's heap in use and the process's resident set (RSS) every 100 ms, per phase. The
 * service and the load generator share this JVM, so the figures are an upper bound for the service.
 */
final class Memory {

    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private volatile String phase = "startup";
    private volatile boolean running = true;
    private Thread sampler;

    void start() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    void phase(String name) {
        phase = name;
    }

    void stop() {
        running = false;
    }

    private synchronized void sample() {
        long heap = bean.getHeapMemoryUsage().getUsed();
        long rss = rss();
        long[] max = phases.computeIfAbsent(phase, k -> new long[2]);
        max[0] = Math.max(max[0], heap);
        max[1] = Math.max(max[1], rss);
    }

    synchronized Map<String, Object> of(String name) {
        long[] max = phases.getOrDefault(name, new long[2]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxHeapUsedMb", mb(max[0]));
        m.put("maxRssMb", mb(max[1]));
        return m;
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        long heap = 0;
        long rss = 0;
        for (long[] max : phases.values()) {
            heap = Math.max(heap, max[0]);
            rss = Math.max(rss, max[1]);
        }
        m.put("maxHeapUsedMb", mb(heap));
        m.put("maxRssMb", mb(rss));
        m.put("heapLimitMb", mb(Runtime.getRuntime().maxMemory()));
        m.put("note", "service and load generator share one JVM: an upper bound for the service; PostgreSQL runs as its own process");
        phases.forEach((name, max) -> m.put(name, Map.of("maxHeapUsedMb", mb(max[0]), "maxRssMb", mb(max[1]))));
        return m;
    }

    private static double mb(long bytes) {
        return Report.round(bytes / (1024.0 * 1024.0));
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return 0;
    }
}
