package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every refusal as RFC 9457 problem+json naming the field and, where one applies, the rule ID:
 * 400 malformed input, 404 unknown case, 409 a state conflict or a concurrent modification the
 * client may retry, 422 a broken rule. A refused command stores nothing: the aggregates check
 * before they apply, and the unit of work rolls back on any exception.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = "https://grantlifecycle.dk/problems/";

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        if ("ID".equals(e.ruleId())) {
            return problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", e.getMessage(), null, e.field());
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "A rule refuses the request", e.getMessage(),
                e.ruleId(), e.field());
    }

    @ExceptionHandler(InvalidState.class)
    ProblemDetail invalidState(InvalidState e) {
        return problem(HttpStatus.CONFLICT, "invalid-state", "The case is not in a state that allows this", e.getMessage(),
                e.ruleId(), null);
    }

    @ExceptionHandler(BadInput.class)
    ProblemDetail badInput(BadInput e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", e.getMessage(), e.rule(), e.field());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such case, assessment, grant or follow-up",
                "nothing is recorded under id " + e.getAggregateIdentifier(), null, null);
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
            com.github.kagkarlsson.scheduler.exceptions.ExecutionException.class})
    ProblemDetail concurrent(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "another command changed the same case at the same time; read it again and retry", null, null);
        p.setProperty("retryable", true);
        return p;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation v) {
            return ruleViolation(v);
        }
        if (cause instanceof InvalidState s) {
            return invalidState(s);
        }
        if (cause instanceof AggregateNotFoundException n) {
            return notFound(n);
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return concurrent((RuntimeException) cause);
        }
        return unexpected(e);
    }

    @ExceptionHandler({EventStoreException.class, DataIntegrityViolationException.class})
    ProblemDetail storage(RuntimeException e) {
        if (e.getCause() instanceof ConcurrencyException || isDuplicateKey(e)) {
            return concurrent(e);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AxonNonTransientException.class)
    ProblemDetail axonNonTransient(AxonNonTransientException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-input", "The request cannot be handled", e.getMessage(), null, null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed unexpectedly and nothing was recorded; the incident is logged", null, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RuleViolation rule = causeOf(e, RuleViolation.class);
        JacksonException json = causeOf(e, JacksonException.class);
        String field = json == null ? null : path(json);
        ProblemDetail p;
        if (rule != null) {
            p = problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", rule.getMessage(), rule.ruleId(),
                    field != null && !field.isEmpty() ? field : rule.field());
        } else {
            String detail = json == null ? "the request body is not valid JSON" : json.getOriginalMessage();
            p = problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", shorten(detail), null, field);
        }
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input",
                errors.isEmpty() ? "invalid request" : errors.get(0).get("field") + " " + errors.get(0).get("message"),
                null, errors.isEmpty() ? null : errors.get(0).get("field"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String rule, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        if (rule != null) {
            p.setProperty("rule", rule);
        }
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
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
