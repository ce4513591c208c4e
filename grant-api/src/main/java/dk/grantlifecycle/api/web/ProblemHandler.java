package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MalformedInput;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dk.grantlifecycle.api.web.Problems.problem;

/**
 * Every refusal as RFC 9457 problem+json naming the field and, where one applies, the rule ID:
 * 400 malformed input, 404 unknown case, 409 a state conflict or a concurrent modification the
 * client may retry, 422 a broken rule, 503 the database out of reach (with Retry-After). A refused
 * command stores nothing: the aggregates check before they apply, and a command endpoint runs in
 * one transaction that is rolled back whenever the answer is not 2xx ({@code CommandTransactionFilter}).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Duration retryAfter;

    public ProblemHandler(@Value("${grants.db.retry-after:PT5S}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "A rule refuses the request", e.getMessage(),
                e.ruleId().id(), e.field());
    }

    @ExceptionHandler(MalformedInput.class)
    ProblemDetail malformed(MalformedInput e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", e.getMessage(), null, e.field());
    }

    @ExceptionHandler(InvalidState.class)
    ProblemDetail invalidState(InvalidState e) {
        return problem(HttpStatus.CONFLICT, "invalid-state", "The case is not in a state that allows this", e.getMessage(),
                e.ruleId() == null ? null : e.ruleId().id(), null);
    }

    @ExceptionHandler(BadInput.class)
    ProblemDetail badInput(BadInput e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", e.getMessage(), e.rule(), e.field());
    }

    /** A case role's token without a municipality: case data is always one municipality's. */
    @ExceptionHandler(dk.grantlifecycle.api.security.Tenancy.NoMunicipality.class)
    ProblemDetail noMunicipality(dk.grantlifecycle.api.security.Tenancy.NoMunicipality e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "No municipality", "the token names no municipality; case data"
                + " belongs to one", null, "Authorization");
    }

    @ExceptionHandler(dk.grantlifecycle.api.security.Tenancy.NotYourMunicipality.class)
    ProblemDetail notYourMunicipality(dk.grantlifecycle.api.security.Tenancy.NotYourMunicipality e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such municipality", e.getMessage(), null, "municipality");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such case, assessment, grant or follow-up",
                "nothing is recorded under id " + e.getAggregateIdentifier(), null, "id");
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
            com.github.kagkarlsson.scheduler.exceptions.ExecutionException.class})
    ProblemDetail concurrent(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "another command changed the same case at the same time; nothing of this one was recorded. Read the case again and retry",
                null, null);
        p.setProperty("retryable", true);
        return p;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation v) {
            return of(ruleViolation(v));
        }
        if (cause instanceof MalformedInput m) {
            return of(malformed(m));
        }
        if (cause instanceof InvalidState s) {
            return of(invalidState(s));
        }
        if (cause instanceof AggregateNotFoundException n) {
            return of(notFound(n));
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return of(concurrent((RuntimeException) cause));
        }
        return unexpected(e);
    }

    @ExceptionHandler({EventStoreException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> storage(RuntimeException e) {
        if (e.getCause() instanceof ConcurrencyException || isDuplicateKey(e)) {
            return of(concurrent(e));
        }
        return unexpected(e);
    }

    @ExceptionHandler(AxonNonTransientException.class)
    ResponseEntity<ProblemDetail> axonNonTransient(AxonNonTransientException e) {
        if (Problems.databaseUnavailable(e)) {
            return unavailable(e);
        }
        return of(Problems.badInput(e.getMessage(), null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Problems.databaseUnavailable(e)) {
            return unavailable(e);
        }
        log.error("unexpected failure", e);
        return of(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed unexpectedly and nothing was recorded; the incident is logged", null, null));
    }

    private ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("database unavailable: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(Problems.retryAfter(retryAfter))
                .body(Problems.databaseUnavailable(retryAfter));
    }

    private static ResponseEntity<ProblemDetail> of(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RuleViolation rule = causeOf(e, RuleViolation.class);
        MalformedInput malformed = causeOf(e, MalformedInput.class);
        JacksonException json = causeOf(e, JacksonException.class);
        String path = json == null ? "" : path(json);
        String field = path.isEmpty() ? "body" : path;
        ProblemDetail p;
        if (rule != null) {
            p = problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", rule.getMessage(), rule.ruleId().id(),
                    !path.isEmpty() ? path : rule.field() != null ? rule.field() : "body");
        } else if (malformed != null) {
            p = problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", malformed.getMessage(), null,
                    !path.isEmpty() ? path : malformed.field() != null ? malformed.field() : "body");
        } else {
            p = Problems.badInput(shorten(detail(json)), field);
            if (json instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                p.setProperty("allowed", Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).toList());
            }
        }
        return ResponseEntity.badRequest().body(p);
    }

    private static String detail(JacksonException json) {
        if (json == null) {
            return "the request body is missing or is not JSON";
        }
        if (json instanceof InvalidNullException) {
            return "null is not allowed here; leave an element out instead of sending null";
        }
        if (json instanceof UnrecognizedPropertyException u) {
            return "'" + u.getPropertyName() + "' is not a property of this request; known properties: " + u.getKnownPropertyIds();
        }
        if (json instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        return json.getOriginalMessage();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail p = Problems.badInput(
                errors.isEmpty() ? "invalid request" : errors.get(0).get("field") + " " + errors.get(0).get("message"),
                errors.isEmpty() ? "body" : errors.get(0).get("field"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        Class<?> type = e.getRequiredType();
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName()
                : e.getPropertyName();
        String detail = type != null && type.isEnum()
                ? "'" + e.getValue() + "' is not one of " + Arrays.toString(type.getEnumConstants())
                : "'" + e.getValue() + "' is not a valid " + (type == null ? "value" : type.getSimpleName());
        ProblemDetail p = Problems.badInput(shorten(detail), name);
        if (type != null && type.isEnum()) {
            p.setProperty("allowed", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return ResponseEntity.badRequest().body(p);
    }

    /** Spring MVC's own refusals (method, media type, missing parameter or header, no such path) name their field too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof org.springframework.web.ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail p && (p.getProperties() == null || !p.getProperties().containsKey("field"))) {
            p.setProperty("field", fieldOf(e));
            if (p.getType() == null || "about:blank".equals(p.getType().toString())) {
                p.setType(java.net.URI.create(Problems.TYPES + (status.value() == 404 ? "not-found" : "bad-request")));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String fieldOf(Exception e) {
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName();
        }
        if (e instanceof MissingRequestHeaderException m) {
            return m.getHeaderName();
        }
        if (e instanceof MissingPathVariableException m) {
            return m.getVariableName();
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return HttpHeaders.CONTENT_TYPE;
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return HttpHeaders.ACCEPT;
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "method";
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "path";
        }
        if (e instanceof HandlerMethodValidationException v && !v.getParameterValidationResults().isEmpty()) {
            return v.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        }
        return "request";
    }

    private static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                b.append(b.length() > 0 ? "." : "").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause as "Type: message", for a one-line log of a failure whose trace says nothing more. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String shorten(String s) {
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
