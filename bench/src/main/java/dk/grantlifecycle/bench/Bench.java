package dk.grantlifecycle.bench;

import com.zaxxer.hikari.HikariDataSource;
import dk.grantlifecycle.api.GrantsApplication;
import dk.grantlifecycle.domain.process.CaseProcess;
import dk.grantlifecycle.projections.AuditTrailProjection;
import dk.grantlifecycle.projections.CaseProjection;
import dk.grantlifecycle.projections.DeadlineProjection;
import dk.grantlifecycle.projections.DstMovementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: the service (started in this JVM on its embedded PostgreSQL, run with
 * {@code -Xmx512m} by {@code bench/run}) against raw JDBC on the same PostgreSQL, in one run.
 * Writes {@code bench/results/latest.json} and {@code latest.md}.
 * <p>
 * System properties: {@code bench.scale} (1.0: 1,000,000 events for the replays; 0.05 for a quick
 * check), {@code bench.seconds} (seconds per measured load step, default 8 at scale 1),
 * {@code bench.replay.maxSeconds} (a replay is cut off after this and its rate taken over what it
 * did), {@code bench.out} (results directory).
 */
public final class Bench {

    private static final int[] CLIENTS = {1, 4, 16};
    private static final List<String> ALL_PROCESSORS = List.of(CaseProcess.PROCESSING_GROUP, CaseProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, AuditTrailProjection.PROCESSING_GROUP, DstMovementProjection.PROCESSING_GROUP);

    private final double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private int seconds = Integer.getInteger("bench.seconds", scale >= 0.5 ? 6 : 4);
    private final int replayMaxSeconds = Integer.getInteger("bench.replay.maxSeconds", scale >= 0.5 ? 60 : 30);
    private final long replayEvents = Math.max(10_000, Math.round(1_000_000 * scale));
    private final Path out = Path.of(System.getProperty("bench.out", "bench/results"));
    private final Report report = new Report();
    private final Memory memory = new Memory();

    private ConfigurableApplicationContext context;
    private String url;
    private String user;
    private String password;
    private int port;

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        try {
            bench.run();
        } finally {
            if (bench.context != null) {
                bench.context.close();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Map<String, Object> run = report.section("run");
        run.put("started", started.toString());
        run.put("machine", machine());
        run.put("java", System.getProperty("java.version") + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
        run.put("scale", scale);
        run.put("secondsPerLoadStep", seconds);
        run.put("replayEvents", replayEvents);
        memory.start();

        memory.phase("startup");
        context = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0",
                "--grants.embedded-postgres.data-directory=", "--logging.level.root=WARN",
                "--logging.level.dk.grantlifecycle=WARN", "--spring.main.banner-mode=off");
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        HikariDataSource ds = context.getBean(HikariDataSource.class);
        url = ds.getJdbcUrl();
        user = ds.getUsername();
        password = ds.getPassword();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            run.put("postgres", rs.getString(1) + " (embedded, same server for every figure)");
        }

        List<String> phases = List.of(System.getProperty("bench.phases", "ceiling,commands,http,replay").split(","));
        if (phases.contains("ceiling")) {
            memory.phase("ceiling");
            ceiling();
        }
        if (phases.contains("commands")) {
            memory.phase("commands");
            commandsInProcess();
        }
        if (phases.contains("http")) {
            memory.phase("http");
            http();
        }
        if (phases.contains("replay")) {
            memory.phase("replay");
            replaysAndQueries();
        }
        memory.stop();
        report.section("memory").putAll(memory.summary());
        if (phases.size() == 4) {
            targets();
        }
        run.put("tookSeconds", Report.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0));
        report.write(out);
        System.out.println("bench: wrote " + out.resolve("latest.json") + " and " + out.resolve("latest.md"));
    }

    // ---------------------------------------------------------------- ceiling: raw JDBC

    private static final String ROW = "x".repeat(1000);

    private void ceiling() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS bench_raw_events (globalindex BIGSERIAL PRIMARY KEY, aggregate_id VARCHAR(255) NOT NULL,
                      seq BIGINT NOT NULL, payload BYTEA NOT NULL, UNIQUE (aggregate_id, seq))""");
        }
        Map<String, Object> section = report.section("ceilingRawJdbc");
        for (int clients : CLIENTS) {
            Latencies l = closedLoop(clients, () -> {
                Connection c = connect();
                c.setAutoCommit(true);
                PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw_events (aggregate_id, seq, payload) VALUES (?, 0, ?)");
                byte[] payload = ROW.getBytes(StandardCharsets.UTF_8);
                return () -> {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, payload);
                    insert.executeUpdate();
                    return true;
                };
            });
            section.put("insert1KbRowPerTransaction_" + clients + "clients", l.summary());
            System.out.printf("ceiling %d clients: %.0f rows/s%n", clients, l.perSecond());
        }
    }

    // ---------------------------------------------------------------- commands in-process

    private void commandsInProcess() throws Exception {
        InProcessDriver driver = new InProcessDriver(context);
        Map<String, Object> section = report.section("commandsInProcess");
        warmUp(driver);
        for (int clients : CLIENTS) {
            long before = events();
            Latencies l = closedLoop(clients, () -> () -> {
                driver.receive(new Mix.CaseFlow());
                return true;
            });
            long stored = events() - before;
            Map<String, Object> s = l.summary();
            s.put("eventsPerCommand", Report.round(stored / (double) Math.max(1, l.count())));
            s.put("ratioToRawInsert", ratio(l.perSecond(), rawRate(clients)));
            section.put("oneEventPerCommand_" + clients + "clients", s);
            System.out.printf("in-process %d clients: %.0f commands/s%n", clients, l.perSecond());
        }
        for (int clients : CLIENTS) {
            Latencies l = mixClosedLoop(clients, driver);
            section.put("mix_" + clients + "clients", l.summary());
            System.out.printf("in-process mix %d clients: %.0f commands/s%n", clients, l.perSecond());
        }
        awaitProcessors(CATCH_UP_SECONDS);
    }

    private static final long CATCH_UP_SECONDS = 60;

    /** Runs the mix unmeasured first (class loading, JIT, pools), then lets the processors catch up. */
    private void warmUp(Mix.Driver driver) throws Exception {
        int saved = seconds;
        seconds = Integer.getInteger("bench.warmupSeconds", 5);
        try {
            closedLoopWithState(4, driver);
        } finally {
            seconds = saved;
        }
        awaitProcessors(CATCH_UP_SECONDS);
    }

    // ---------------------------------------------------------------- HTTP

    private void http() throws Exception {
        HttpDriver driver = new HttpDriver(port, false);
        Map<String, Object> section = report.section("http");
        warmUp(driver);
        // The default answer waits for the read models (X-Read-Models); shown for comparison with the floor of issue 12.
        Latencies waiting = mixClosedLoop(1, new HttpDriver(port, true));
        section.put("mixClosedLoop_1client_commandWaitsForReadModels", waiting.summary());
        for (int clients : CLIENTS) {
            Latencies l = mixClosedLoop(clients, driver);
            section.put("mixClosedLoop_" + clients + "clients", l.summary());
            System.out.printf("http mix %d clients: %.0f commands/s, p50 %.1f ms%n", clients, l.perSecond(), l.percentileMillis(50));
        }
        openLoop(driver, 200, section);
        awaitProcessors(CATCH_UP_SECONDS);
    }

    /** Commands at a steady rate whatever the answers' speed; latency counted from when each was due (no coordinated omission). */
    private void openLoop(HttpDriver driver, int rate, Map<String, Object> section) throws Exception {
        Latencies commands = new Latencies();
        Latencies reads = new Latencies();
        Latencies both = new Latencies();
        AtomicLong notOwnWrite = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong behind = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Map<String, Long> misses = new java.util.concurrent.ConcurrentHashMap<>();
        Queue<Mix.CaseFlow> idle = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long total = (long) rate * seconds * 2;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<Future<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        commands.start();
        reads.start();
        both.start();
        for (long i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (inFlight.get() >= 1000) {
                // The service is far behind the rate: this client stops queueing more rather than measuring its own queue.
                dropped.incrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            sent.add(workers.submit(() -> {
                Mix.CaseFlow f = idle.poll();
                if (f == null) {
                    f = new Mix.CaseFlow();
                }
                Mix.Step step = f.next();
                try {
                    Mix.Outcome o = driver.run(f, step);
                    long answered = System.nanoTime();
                    if (o.later()) {
                        commands.retry();
                    } else if (!o.ok()) {
                        commands.error(o.error());
                        f.step = Mix.STEPS.length;
                    } else {
                        commands.add(answered - due);
                        String miss = driver.readOwnWrite(f, step, o.position());
                        long read = System.nanoTime();
                        reads.add(read - answered);
                        both.add(read - due);
                        if (miss != null) {
                            if (miss.startsWith(HttpDriver.BEHIND)) {
                                behind.incrementAndGet();
                            } else if (miss.endsWith("status 503")) {
                                // Refused (database-unavailable: no connection in time under overload): no answer, not a wrong one.
                                refused.incrementAndGet();
                            } else {
                                notOwnWrite.incrementAndGet();
                            }
                            misses.merge(step + ": " + miss, 1L, Long::sum);
                        }
                        f.step++;
                        f.notYet = 0;
                    }
                } catch (Exception e) {
                    commands.error(step + ":" + e.getClass().getSimpleName());
                    f.step = Mix.STEPS.length;
                } finally {
                    inFlight.decrementAndGet();
                }
                if (!f.done()) {
                    idle.add(f);
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        commands.end();
        reads.end();
        both.end();
        workers.shutdown();
        ticker.shutdown();
        Map<String, Object> s = commands.summary();
        s.put("targetPerSecond", rate);
        s.put("notSentBacklogOver1000", dropped.get());
        section.put("mixOpenLoop_" + rate + "perSecond_command", s);
        section.put("mixOpenLoop_" + rate + "perSecond_readOwnWriteAfterAnswer", reads.summary());
        Map<String, Object> b = both.summary();
        b.put("readsCurrentButNotShowingOwnWrite", notOwnWrite.get());
        b.put("readsBehindAfterBound", behind.get());
        b.put("readsRefused503", refused.get());
        if (!misses.isEmpty()) {
            b.put("missedWrites", new LinkedHashMap<>(misses));
        }
        section.put("mixOpenLoop_" + rate + "perSecond_commandThenRead", b);
        System.out.printf("http open loop %d/s: p50 %.1f ms, p99 %.1f ms; read own write p50 %.1f ms; misses %d%n", rate,
                commands.percentileMillis(50), commands.percentileMillis(99), reads.percentileMillis(50), notOwnWrite.get());
    }

    // ---------------------------------------------------------------- replay and queries

    private void replaysAndQueries() throws Exception {
        Map<String, Object> replay = report.section("replay");
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        awaitProcessors(CATCH_UP_SECONDS);
        // The store is rebuilt from copies below: nothing may react to them (the case process sends commands).
        for (String name : ALL_PROCESSORS) {
            processor(processing, name).shutDown();
        }
        List<Object[]> templates = templates();
        replay.put("templateEvents", templates.size());

        long t0 = System.nanoTime();
        long stored = generate(templates, 1);
        replay.put("storeGeneratedSeconds", Report.round((System.nanoTime() - t0) / 1e9));
        replay.put("events", stored);
        replay.put("globalIndexSpan", head() + 1);

        Map<String, Object> raw = rawScanAndBatchedInsert();
        report.section("ceilingRawJdbc").put("scanByGlobalIndexPlusBatchedInsert", raw);
        double rawRate = ((Number) raw.get("rowsPerSecond")).doubleValue();

        Map<String, Object> deadlines = replay(processing, DeadlineProjection.PROCESSING_GROUP, "replay-deadlines");
        deadlines.put("ratioToRawScanPlusInsert", ratio(((Number) deadlines.get("eventsPerSecond")).doubleValue(), rawRate));
        replay.put("deadlines", deadlines);
        processor(processing, DeadlineProjection.PROCESSING_GROUP).shutDown();
        queries();
        Map<String, Object> audit = replay(processing, AuditTrailProjection.PROCESSING_GROUP, "replay-audit");
        audit.put("ratioToRawScanPlusInsert", ratio(((Number) audit.get("eventsPerSecond")).doubleValue(), rawRate));
        replay.put("audit", audit);
        processor(processing, AuditTrailProjection.PROCESSING_GROUP).shutDown();

        // The same events on a store whose global index has two gaps for every event.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE domainevententry");
        }
        t0 = System.nanoTime();
        long gapStored = generate(templates, 3);
        Map<String, Object> gaps = report.section("replayGapHeavyStore");
        gaps.put("storeGeneratedSeconds", Report.round((System.nanoTime() - t0) / 1e9));
        gaps.put("events", gapStored);
        gaps.put("globalIndexSpan", head() + 1);
        Map<String, Object> gapDeadlines = replay(processing, DeadlineProjection.PROCESSING_GROUP, "replay-gaps-deadlines");
        gapDeadlines.put("slowerThanWithoutGaps", percentSlower(deadlines, gapDeadlines));
        gaps.put("deadlines", gapDeadlines);
        processor(processing, DeadlineProjection.PROCESSING_GROUP).shutDown();
        Map<String, Object> gapAudit = replay(processing, AuditTrailProjection.PROCESSING_GROUP, "replay-gaps-audit");
        gapAudit.put("slowerThanWithoutGaps", percentSlower(audit, gapAudit));
        gaps.put("audit", gapAudit);
        processor(processing, AuditTrailProjection.PROCESSING_GROUP).shutDown();
    }

    private static String percentSlower(Map<String, Object> plain, Map<String, Object> gaps) {
        double a = ((Number) plain.get("eventsPerSecond")).doubleValue();
        double b = ((Number) gaps.get("eventsPerSecond")).doubleValue();
        String pct = Report.round((a - b) / a * 100) + " %";
        if (!Boolean.TRUE.equals(plain.get("complete")) || !Boolean.TRUE.equals(gaps.get("complete"))) {
            pct += " (a replay was cut off: rates over partial runs)";
        }
        return pct;
    }

    /** Every event stored so far (the mix's cases at every step): the model the 1,000,000 are copied from. */
    private List<Object[]> templates() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp
                FROM domainevententry ORDER BY globalindex""")) {
            while (rs.next()) {
                rows.add(new Object[]{rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5) == null ? null : new String(rs.getBytes(5), StandardCharsets.UTF_8),
                        new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getString(7), rs.getString(8), rs.getString(9)});
            }
        }
        return rows;
    }

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TEAMS = Pattern.compile("team-(\\d+)");
    private static final Pattern CASEWORKERS = Pattern.compile("cw-(\\d+)");

    /**
     * Copies the templates until the store holds {@link #replayEvents}: copy k has every identifier replaced
     * consistently (so each copy is a set of new, whole cases) and its cases spread over 25 teams and 400
     * caseworkers. With {@code stride} 3 the global index leaves two gaps after every event.
     */
    private long generate(List<Object[]> templates, int stride) throws Exception {
        long written = 0;
        long index = head() + 1;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            CopyIn copy = null;
            StringBuilder buffer = new StringBuilder(1 << 20);
            for (int k = 1; written < replayEvents; k++) {
                if (copy == null) {
                    copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            COPY domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                   payload, payloadrevision, payloadtype, timestamp) FROM STDIN""");
                }
                for (Object[] t : templates) {
                    if (written >= replayEvents) {
                        break;
                    }
                    int copyNo = k;
                    buffer.append(index).append('\t')
                            .append(text(ids((String) t[0], copyNo))).append('\t')
                            .append(t[1]).append('\t')
                            .append(text((String) t[2])).append('\t')
                            .append(text(ids((String) t[3], copyNo))).append('\t')
                            .append(t[4] == null ? "\\N" : bytea(ids((String) t[4], copyNo))).append('\t')
                            .append(bytea(people(ids((String) t[5], copyNo), copyNo))).append('\t')
                            .append(text((String) t[6])).append('\t')
                            .append(text((String) t[7])).append('\t')
                            .append(text((String) t[8])).append('\n');
                    index += stride;
                    written++;
                    if (buffer.length() > (1 << 20)) {
                        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        buffer.setLength(0);
                    }
                    if (written % 100_000 == 0) {
                        flush(copy, buffer);
                        copy.endCopy();
                        c.commit();
                        copy = null;
                        System.out.printf("store: %d events%n", written);
                        break;
                    }
                }
            }
            if (copy != null) {
                flush(copy, buffer);
                copy.endCopy();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('domainevententry_globalindex_seq', (SELECT max(globalindex) FROM domainevententry))");
                s.execute("ANALYZE domainevententry");
            }
            c.commit();
        }
        return written;
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws Exception {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static String ids(String s, int copyNo) {
        if (s == null) {
            return null;
        }
        Matcher m = UUIDS.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, UUID.nameUUIDFromBytes((m.group() + copyNo).getBytes(StandardCharsets.UTF_8)).toString());
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String people(String s, int copyNo) {
        Matcher t = TEAMS.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (t.find()) {
            t.appendReplacement(sb, "team-" + ((Integer.parseInt(t.group(1)) + copyNo * 4) % 25));
        }
        t.appendTail(sb);
        Matcher w = CASEWORKERS.matcher(sb.toString());
        StringBuilder out = new StringBuilder(sb.length());
        while (w.find()) {
            w.appendReplacement(out, "cw-" + ((Integer.parseInt(w.group(1)) + copyNo * 16) % 400));
        }
        w.appendTail(out);
        return out.toString();
    }

    private static String text(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String bytea(String s) {
        return "\\\\x" + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The ceiling for a replay: read every event by global index and write one row per event in batches, on raw JDBC. */
    private Map<String, Object> rawScanAndBatchedInsert() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        try (Connection read = connect(); Connection write = connect()) {
            try (Statement s = write.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS bench_raw_projection (event_id VARCHAR(255) PRIMARY KEY, globalindex BIGINT NOT NULL,
                          aggregate_id VARCHAR(255) NOT NULL, type VARCHAR(255) NOT NULL, payload BYTEA NOT NULL)""");
                s.execute("TRUNCATE bench_raw_projection");
            }
            read.setAutoCommit(false);
            write.setAutoCommit(false);
            long t0 = System.nanoTime();
            long rows = 0;
            try (PreparedStatement scan = read.prepareStatement(
                    "SELECT globalindex, eventidentifier, aggregateidentifier, payloadtype, payload FROM domainevententry ORDER BY globalindex");
                 PreparedStatement insert = write.prepareStatement(
                         "INSERT INTO bench_raw_projection (event_id, globalindex, aggregate_id, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                scan.setFetchSize(1000);
                try (ResultSet rs = scan.executeQuery()) {
                    while (rs.next()) {
                        insert.setString(1, rs.getString(2));
                        insert.setLong(2, rs.getLong(1));
                        insert.setString(3, rs.getString(3));
                        insert.setString(4, rs.getString(4));
                        insert.setBytes(5, rs.getBytes(5));
                        insert.addBatch();
                        if (++rows % 200 == 0) {
                            insert.executeBatch();
                            write.commit();
                        }
                    }
                }
                insert.executeBatch();
                write.commit();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            m.put("rows", rows);
            m.put("seconds", Report.round(secs));
            m.put("rowsPerSecond", Report.round(rows / secs));
            m.put("batch", 200);
            System.out.printf("raw scan + batched insert: %.0f rows/s%n", rows / secs);
        }
        return m;
    }

    private Map<String, Object> replay(EventProcessingConfiguration processing, String name, String phase) throws Exception {
        memory.phase(phase);
        StreamingEventProcessor p = processor(processing, name);
        long head = head();
        long events;
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            events = rs.getLong(1);
        }
        p.shutDown();
        p.resetTokens();
        long t0 = System.nanoTime();
        p.start();
        long deadline = t0 + replayMaxSeconds * 1_000_000_000L;
        long position = -1;
        while (System.nanoTime() < deadline) {
            position = position(p);
            if (position >= head) {
                break;
            }
            Thread.sleep(100);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean complete = position >= head;
        // Events handled: the share of the stored events up to the position reached (the index may have gaps).
        long done = complete ? events : Math.round(events * (Math.max(0, position) / (double) Math.max(1, head)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", done);
        m.put("complete", complete);
        m.put("seconds", Report.round(secs));
        m.put("eventsPerSecond", Report.round(done / secs));
        m.putAll(memory.of(phase));
        System.out.printf("%s: %.0f events/s (%s)%n", phase, done / secs, complete ? "complete" : "cut off at " + replayMaxSeconds + " s");
        return m;
    }

    private static long position(StreamingEventProcessor p) {
        Map<Integer, EventTrackerStatus> status = p.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1L)).min().orElse(-1L);
    }

    private void queries() throws Exception {
        Map<String, Object> q = report.section("queries");
        long target = Math.round(100_000 * scale);
        long fromReplay = openCases();
        q.put("openCasesFromReplay", fromReplay);
        if (fromReplay > 0 && fromReplay < target) {
            // A replay cut off before the end leaves fewer open cases than the queries are to run on: the queue is
            // topped up with copies of its own rows (new keys and cases, spread over teams and caseworkers).
            topUpQueue(target, fromReplay);
        }
        // The queue as a running service has it: autovacuum keeps a table's visibility map current, so its counts run
        // as index-only scans. Right after the bulk replay and top-up it has not run yet; do here what it would do.
        long vacuumStarted = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) deadline_view");
        }
        q.put("vacuumAnalyzeBeforeQueriesSeconds", Report.round((System.nanoTime() - vacuumStarted) / 1e9));
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(DISTINCT case_id), count(*) FROM deadline_view WHERE state IN ('OPEN', 'FIRED')")) {
            rs.next();
            q.put("openCases", rs.getLong(1));
            q.put("openDeadlines", rs.getLong(2));
        }
        HttpDriver http = new HttpDriver(port, false, "supervisor-lejre");
        String[] paths = {
                "/deadlines?team=team-7&status=OVERDUE",
                "/deadlines?caseworker=cw-123&sort=dueOn&size=50",
                "/deadlines?municipality=lejre&size=1"};
        String[] names = {"teamOverdue", "caseworkerNext50", "municipalityCountsPerStatus"};
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            Latencies l = closedLoop(4, () -> () -> {
                HttpDriver.Answer a = http.get(path, -1);
                if (a.status() != 200) {
                    throw new IllegalStateException(path + " answered " + a.status() + " " + a.body());
                }
                return true;
            });
            q.put(names[i] + "_4clients", l.summary());
            System.out.printf("query %s: p50 %.1f ms, p99 %.1f ms%n", names[i], l.percentileMillis(50), l.percentileMillis(99));
        }
    }

    private long openCases() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(DISTINCT case_id) FROM deadline_view WHERE state IN ('OPEN', 'FIRED')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void topUpQueue(long target, long open) throws Exception {
        long copies = (target - open + open - 1) / open;
        List<String> columns = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'deadline_view'"
                    + " ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            List<String> select = new ArrayList<>();
            for (String col : columns) {
                select.add(switch (col) {
                    case "deadline_key" -> "left(deadline_key, 100) || '#' || g";
                    case "case_id" -> "left(case_id, 50) || '#' || g";
                    case "team" -> "CASE WHEN team IS NULL THEN NULL ELSE 'team-' || (g % 25) END";
                    case "caseworker" -> "CASE WHEN caseworker IS NULL THEN NULL ELSE 'cw-' || ((g * 16 + abs(hashtext(case_id))) % 400) END";
                    default -> col;
                });
            }
            s.execute("CREATE TEMP TABLE bench_queue_base AS SELECT * FROM deadline_view WHERE state IN ('OPEN', 'FIRED')");
            s.execute("INSERT INTO deadline_view (" + String.join(", ", columns) + ") SELECT " + String.join(", ", select)
                    + " FROM bench_queue_base, generate_series(1, " + copies + ") g");
            s.execute("ANALYZE deadline_view");
        }
        report.section("queries").put("queueToppedUpWithCopies", copies);
    }

    // ---------------------------------------------------------------- load helpers

    interface Op {
        boolean run() throws Exception;
    }

    interface OpFactory {
        Op create() throws Exception;
    }

    /** {@code clients} threads, each running its operation back to back for {@link #seconds} seconds. */
    private Latencies closedLoop(int clients, OpFactory factory) throws Exception {
        Latencies l = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ops.add(factory.create());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        l.start();
        List<Future<?>> running = new ArrayList<>();
        for (Op op : ops) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        op.run();
                        l.add(System.nanoTime() - t);
                    } catch (Exception e) {
                        l.error(e.getClass().getSimpleName());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        l.end();
        pool.shutdown();
        return l;
    }

    /** The mix, closed loop: each client keeps three cases going and runs the next step of one after the other. */
    private Latencies mixClosedLoop(int clients, Mix.Driver driver) throws Exception {
        return closedLoopWithState(clients, driver);
    }

    private Latencies closedLoopWithState(int clients, Mix.Driver driver) throws Exception {
        Latencies l = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        l.start();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                Mix.CaseFlow[] flows = {new Mix.CaseFlow(), new Mix.CaseFlow(), new Mix.CaseFlow()};
                int turn = 0;
                while (System.nanoTime() < end) {
                    int slot = turn++ % flows.length;
                    Mix.CaseFlow f = flows[slot];
                    Mix.Step step = f.next();
                    long t = System.nanoTime();
                    try {
                        Mix.Outcome o = driver.run(f, step);
                        if (o.ok()) {
                            l.add(System.nanoTime() - t);
                            f.step++;
                            f.notYet = 0;
                        } else if (o.later()) {
                            l.retry();
                        } else {
                            l.error(o.error());
                            f.step = Mix.STEPS.length;
                        }
                    } catch (Exception e) {
                        l.error(step + ":" + e.getClass().getSimpleName());
                        f.step = Mix.STEPS.length;
                    }
                    if (f.done()) {
                        flows[slot] = new Mix.CaseFlow();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        l.end();
        pool.shutdown();
        return l;
    }

    // ---------------------------------------------------------------- targets

    @SuppressWarnings("unchecked")
    private void targets() {
        Map<String, Object> ceiling = report.section("ceilingRawJdbc");
        Map<String, Object> commands = report.section("commandsInProcess");
        Map<String, Object> http = report.section("http");
        Map<String, Object> replay = report.section("replay");
        Map<String, Object> gaps = report.section("replayGapHeavyStore");
        Map<String, Object> queries = report.section("queries");
        for (int clients : new int[]{16, 1}) {
            Map<String, Object> c = (Map<String, Object>) commands.get("oneEventPerCommand_" + clients + "clients");
            double r = ((Number) c.get("ratioToRawInsert")).doubleValue();
            double goal = clients == 16 ? 0.4 : 0.8;
            report.target("commands in-process, " + clients + " client(s), ratio to raw inserts", "≥ " + goal,
                    r + " (" + c.get("perSecond") + " vs " + rawRate(clients) + "/s)", r >= goal);
        }
        Map<String, Object> open = (Map<String, Object>) http.get("mixOpenLoop_200perSecond_command");
        double p50 = ((Number) open.get("p50Ms")).doubleValue();
        double p99 = ((Number) open.get("p99Ms")).doubleValue();
        report.target("HTTP at 200 commands/s, p50", "≤ 10 ms", p50 + " ms", p50 <= 10);
        report.target("HTTP at 200 commands/s, p99", "≤ 50 ms", p99 + " ms", p99 <= 50);
        Map<String, Object> ryw = (Map<String, Object>) http.get("mixOpenLoop_200perSecond_commandThenRead");
        long misses = ((Number) ryw.get("readsCurrentButNotShowingOwnWrite")).longValue();
        long late = ((Number) ryw.get("readsBehindAfterBound")).longValue();
        long refusedReads = ((Number) ryw.get("readsRefused503")).longValue();
        report.target("read your writes for a client that asks (X-Min-Event-Position), at 200/s",
                "every read shows the write (none wrong, none behind)", misses + " wrong; " + late + " of " + ryw.get("operations")
                        + " said behind (bound " + context.getEnvironment().getProperty("grants.read-your-writes.timeout") + " passed); "
                        + refusedReads + " refused 503 under overload",
                misses == 0 && late == 0 && refusedReads == 0);
        for (String p : List.of("deadlines", "audit")) {
            Map<String, Object> r = (Map<String, Object>) replay.get(p);
            double rate = ((Number) r.get("eventsPerSecond")).doubleValue();
            report.target("replay " + p + ", events/s", "≥ 20,000", String.valueOf(rate), rate >= 20_000);
            double ratio = ((Number) r.get("ratioToRawScanPlusInsert")).doubleValue();
            report.target("replay " + p + ", ratio to raw scan + batched insert", "≥ 0.25", String.valueOf(ratio), ratio >= 0.25);
            Map<String, Object> g = (Map<String, Object>) gaps.get(p);
            String slower = (String) g.get("slowerThanWithoutGaps");
            double pct = Double.parseDouble(slower.replaceAll(" %.*", ""));
            report.target("replay " + p + " on a gap-heavy store", "≤ 20 % slower", slower, slower.contains("cut off") ? null : pct <= 20);
        }
        for (String q : List.of("teamOverdue", "caseworkerNext50", "municipalityCountsPerStatus")) {
            Map<String, Object> m = (Map<String, Object>) queries.get(q + "_4clients");
            double qp99 = ((Number) m.get("p99Ms")).doubleValue();
            report.target("query " + q + " at " + queries.get("openCases") + " open cases, p99 (4 clients)", "≤ 20 ms", qp99 + " ms",
                    qp99 <= 20);
        }
        double heap = ((Number) report.section("memory").get("maxHeapUsedMb")).doubleValue();
        report.target("heap throughout (-Xmx512m)", "≤ 512 MB", heap + " MB", heap <= 512);
    }

    // ---------------------------------------------------------------- plumbing

    @SuppressWarnings("unchecked")
    private double rawRate(int clients) {
        if (!report.section("ceilingRawJdbc").containsKey("insert1KbRowPerTransaction_" + clients + "clients")) {
            return Double.NaN;
        }
        Map<String, Object> m = (Map<String, Object>) report.section("ceilingRawJdbc").get("insert1KbRowPerTransaction_" + clients + "clients");
        return ((Number) m.get("perSecond")).doubleValue();
    }

    private static double ratio(double a, double b) {
        return Report.round(a / Math.max(1e-9, b));
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    private long events() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long head() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(globalindex), -1) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static StreamingEventProcessor processor(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** Lets the processors finish what the load left them, so one step's backlog does not weigh on the next. */
    private void awaitProcessors(long maxSeconds) throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        long head = head();
        long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean all = true;
            for (String name : ALL_PROCESSORS) {
                StreamingEventProcessor p = processor(processing, name);
                if (p.isRunning() && position(p) < head) {
                    all = false;
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceFirst("model name\\s*:\\s*", "")).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        long memMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()
                / (1024 * 1024);
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memMb + " MB RAM, " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }
}
