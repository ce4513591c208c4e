package dk.grantlifecycle.api.web.command;

import dk.grantlifecycle.api.web.Actor;
import dk.grantlifecycle.api.web.ActorResolver;
import dk.grantlifecycle.api.web.Problems;
import dk.grantlifecycle.api.web.input.RequestLimitsFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every command endpoint (a POST or PUT whose handler takes the {@link Actor}) runs in one
 * database transaction, so its answer can tell the truth:
 * <ul>
 * <li>The command, whatever it reads and writes (events, deadlines in db-scheduler's table, the
 * idempotency key) commits at once or not at all: Axon's unit of work and db-scheduler's
 * transaction-aware data source join this transaction. An answer that is not 2xx rolls it back,
 * so a refused request stores nothing.</li>
 * <li>Once it has committed the client gets the 2xx the handler produced, whatever happens next;
 * {@code X-Event-Position} names the global index of the last event stored, and
 * {@code X-Read-Models} says whether the read models had caught up within the bound
 * ({@code current}) or not yet ({@code behind}). Nothing after the commit turns into an error.</li>
 * <li>If the database is out of reach before the commit: 503 with Retry-After, nothing recorded.
 * If the commit itself fails (the connection lost while committing) the outcome is unknown, and
 * the 503 says so rather than "nothing was recorded".</li>
 * <li>{@code Idempotency-Key}: a repeat by the same actor with the same request gets the first
 * outcome again (status, Location, body, event position) and stores nothing; the same key with a
 * different request is refused (422); a repeat while the first is still running gets 409 to retry.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class CommandTransactionFilter extends OncePerRequestFilter {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String EVENT_POSITION = "X-Event-Position";
    public static final String READ_MODELS = "X-Read-Models";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Request header: {@code false} answers right after the commit, {@code true} waits for the read models. */
    public static final String AWAIT_READ_MODELS = "X-Await-Read-Models";

    private static final Logger log = LoggerFactory.getLogger(CommandTransactionFilter.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern ACTOR = Pattern.compile(ActorResolver.ID);

    private final RequestMappingHandlerMapping mappings;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final IdempotencyKeys keys;
    private final CommandEvents events;
    private final ReadModelCatchUp catchUp;
    private final EventStore eventStore;
    private final Problems problems;
    private final Duration retryAfter;
    private final boolean commandWaits;

    public CommandTransactionFilter(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
                                    PlatformTransactionManager transactions, JdbcTemplate jdbc, IdempotencyKeys keys,
                                    CommandEvents events, ReadModelCatchUp catchUp, EventStore eventStore, Problems problems,
                                    @Value("${grants.db.retry-after:PT5S}") Duration retryAfter,
                                    @Value("${grants.read-your-writes.command-waits:true}") boolean commandWaits) {
        this.mappings = mappings;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.keys = keys;
        this.events = events;
        this.catchUp = catchUp;
        this.eventStore = eventStore;
        this.problems = problems;
        this.retryAfter = retryAfter;
        this.commandWaits = commandWaits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCommand(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !KEY.matcher(key).matches()) {
            problems.write(response, Problems.badInput("an Idempotency-Key is 1-255 visible ASCII characters (a UUID will do)",
                    IDEMPOTENCY_KEY), new HttpHeaders());
            return;
        }
        // The actor is the token's (the security filter chain runs first); keys are scoped to it.
        String actor = dk.grantlifecycle.api.security.Caller.current().map(dk.grantlifecycle.api.security.Caller::actor).orElse(null);
        boolean idempotent = key != null && actor != null && ACTOR.matcher(actor).matches();

        TransactionStatus tx;
        try {
            tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        } catch (RuntimeException e) {
            if (!Problems.databaseUnavailable(e)) {
                throw e;
            }
            log.warn("command refused, database unavailable: {}", e.getMessage());
            problems.write(response, Problems.databaseUnavailable(retryAfter), Problems.retryAfter(retryAfter));
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        boolean committed = false;
        try {
            String fingerprint = idempotent ? fingerprint(request) : null;
            if (idempotent) {
                if (!keys.tryLock(actor, key)) {
                    completed = rollback(tx);
                    inFlight(buffered);
                    return;
                }
                Optional<IdempotencyKeys.Outcome> first = keys.find(actor, key);
                if (first.isPresent()) {
                    completed = rollback(tx);
                    if (first.get().fingerprint().equals(fingerprint)) {
                        replay(first.get(), buffered, awaitsReadModels(request));
                    } else {
                        reused(first.get(), buffered);
                    }
                    return;
                }
            }
            List<Long> positions;
            try (CommandEvents.Recording recording = events.record()) {
                chain.doFilter(request, buffered);
                if (!HttpStatus.valueOf(buffered.getStatus()).is2xxSuccessful()) {
                    completed = rollback(tx);
                    return;
                }
                positions = positionsOf(recording.eventIds());
            }
            Long position = positions.stream().max(Long::compare).orElse(null);
            if (idempotent) {
                keys.save(actor, key, new IdempotencyKeys.Outcome(fingerprint, buffered.getStatus(), buffered.getContentType(),
                        buffered.getHeader(HttpHeaders.LOCATION), buffered.getContentAsByteArray(), position, keys.now()));
            }
            try {
                completed = true;
                transactions.commit(tx);
            } catch (UnexpectedRollbackException e) {
                log.error("a command answered 2xx but its transaction was marked for rollback; nothing was recorded", e);
                buffered.reset();
                problems.write(buffered, Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                        "the request failed unexpectedly and nothing was recorded; the incident is logged", null, null),
                        new HttpHeaders());
                return;
            } catch (RuntimeException e) {
                log.warn("the outcome of a command is unknown: committing failed ({})", e.getMessage());
                buffered.reset();
                outcomeUnknown(buffered, key != null);
                return;
            }
            committed = true;
            afterCommit(buffered, positions, position, awaitsReadModels(request));
        } catch (IOException | ServletException | RuntimeException e) {
            if (!completed) {
                rollbackQuietly(tx);
                completed = true;
            }
            if (committed) {
                // Stored is stored: the answer stays the 2xx the handler gave.
                log.warn("a failure after a command had committed did not change its answer", e);
                return;
            }
            if (!Problems.databaseUnavailable(e)) {
                throw e;
            }
            log.warn("command refused, database unavailable: {}", e.getMessage());
            buffered.reset();
            problems.write(buffered, Problems.databaseUnavailable(retryAfter), Problems.retryAfter(retryAfter));
        } finally {
            if (!completed) {
                rollbackQuietly(tx);
            }
            buffered.copyBodyToResponse();
        }
    }

    /** After the commit nothing may fail the answer: positions and read models are reported, not required. */
    private void afterCommit(ContentCachingResponseWrapper response, List<Long> positions, Long position, boolean await) {
        try {
            // The event store's reader was woken when the command's unit of work finished, before this
            // transaction committed; wake it again so the processors see the events now.
            eventStore.publish(List.of());
        } catch (RuntimeException e) {
            log.debug("could not wake the event store reader", e);
        }
        if (position != null) {
            response.setHeader(EVENT_POSITION, String.valueOf(position));
        }
        if (await) {
            response.setHeader(READ_MODELS, catchUp.await(positions).header());
        }
    }

    /**
     * Whether the answer waits for the read models: {@code grants.read-your-writes.command-waits}, unless the request
     * says otherwise in {@code X-Await-Read-Models}. A client that does not wait reads its write by sending the answer's
     * {@code X-Event-Position} as {@code X-Min-Event-Position} with its next read ({@link ReadAfterPosition}).
     */
    private boolean awaitsReadModels(HttpServletRequest request) {
        String asked = request.getHeader(AWAIT_READ_MODELS);
        if ("false".equalsIgnoreCase(asked)) {
            return false;
        }
        return commandWaits || "true".equalsIgnoreCase(asked);
    }

    private boolean isCommand(HttpServletRequest request) {
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            HandlerExecutionChain handler = mappings.getHandler(request);
            return handler != null && handler.getHandler() instanceof HandlerMethod method
                    && Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.getParameterType() == Actor.class);
        } catch (Exception e) {
            // No such endpoint, wrong method or media type: Spring MVC answers that itself.
            return false;
        }
    }

    private List<Long> positionsOf(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE eventidentifier = ANY (?)", Long.class,
                (Object) eventIds.toArray(String[]::new));
    }

    private void replay(IdempotencyKeys.Outcome first, ContentCachingResponseWrapper response, boolean await) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        response.setHeader(REPLAYED, "true");
        if (first.eventPosition() != null) {
            response.setHeader(EVENT_POSITION, String.valueOf(first.eventPosition()));
        }
        if (await) {
            response.setHeader(READ_MODELS, catchUp.await(first.eventPosition() == null ? List.of() : List.of(first.eventPosition()))
                    .header());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private void reused(IdempotencyKeys.Outcome first, HttpServletResponse response) throws IOException {
        problems.write(response, Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key already used for another request",
                "this Idempotency-Key was used at " + first.storedAt() + " for a different request (method, path, X-On-Behalf-Of,"
                        + " X-Reason or body); send a new key with a new request", null, IDEMPOTENCY_KEY), new HttpHeaders());
    }

    private void inFlight(HttpServletResponse response) throws IOException {
        ProblemDetail p = Problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-flight", "A request with this key is running",
                "a request with the same Idempotency-Key is being handled right now; retry shortly to get its outcome", null,
                IDEMPOTENCY_KEY);
        p.setProperty("retryable", true);
        problems.write(response, p, Problems.retryAfter(Duration.ofSeconds(1)));
    }

    private void outcomeUnknown(HttpServletResponse response, boolean withKey) throws IOException {
        ProblemDetail p = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "Outcome unknown",
                "the database connection was lost while this command was being committed, so it may or may not have been recorded. "
                        + (withKey ? "Repeat it with the same Idempotency-Key: if it was recorded you get its first outcome, otherwise it runs now."
                        : "Read the case to see whether it was recorded before repeating it; send an Idempotency-Key to make repeats safe."),
                null, null);
        p.setProperty("retryable", withKey);
        problems.write(response, p, Problems.retryAfter(retryAfter));
    }

    private boolean rollback(TransactionStatus tx) {
        rollbackQuietly(tx);
        return true;
    }

    private void rollbackQuietly(TransactionStatus tx) {
        if (tx.isCompleted()) {
            return;
        }
        try {
            transactions.rollback(tx);
        } catch (RuntimeException e) {
            // The database is gone; it rolls the transaction back on its side.
            log.debug("rollback failed", e);
        }
    }

    /** What makes two requests the same: method, path and query, the audit headers and the body, byte for byte. */
    private static String fingerprint(HttpServletRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    request.getHeader("X-On-Behalf-Of"), request.getHeader("X-Reason")}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            RequestLimitsFilter.CachedBody body = WebUtils.getNativeRequest(request, RequestLimitsFilter.CachedBody.class);
            if (body != null) {
                sha.update(body.body());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
