package dk.grantlifecycle.api.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * RFC 9457 problem details as the API writes them: a type under {@code /problems/}, a title, a
 * detail, the {@code field} at fault and, where a rule of RULES.md refuses, the {@code rule}.
 * Controllers answer through {@link ProblemHandler}; the filters in front of them write with
 * {@link #write}.
 */
@Component
public class Problems {

    public static final String TYPES = "https://grantlifecycle.dk/problems/";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail, String rule,
                                        String field) {
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

    public static ProblemDetail badInput(String detail, String field) {
        return problem(HttpStatus.BAD_REQUEST, "bad-input", "Malformed input", detail, null, field);
    }

    /** Before its transaction committed, the command lost the database: nothing was recorded, and a retry is safe. */
    public static ProblemDetail databaseUnavailable(Duration retryAfter) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "The database is unavailable",
                "the service could not use its database in time (out of reach or overloaded); nothing was recorded. Retry after "
                        + retryAfter.toSeconds()
                        + " s (with the same Idempotency-Key, if you sent one)", null, null);
        p.setProperty("retryable", true);
        return p;
    }

    public void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders extra) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        extra.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static HttpHeaders retryAfter(Duration after) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, after.toSeconds())));
        return h;
    }

    /**
     * Whether a failure says the database could not be reached or went away (no connection in
     * time, a broken connection, the server shutting down or refusing connections), as opposed
     * to a statement it refused.
     */
    /** HikariCP's message for any call on a connection it closed as broken ({@code ProxyConnection.ClosedConnection}). */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.dao.QueryTimeoutException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P") || s.getSQLState().equals("53300"))) {
                return true;
            }
            // The pool's own answer once a connection broke (SQLSTATE 08...) during this transaction and it closed it: a
            // later statement on it fails with this, without a state. db-scheduler meets it when it swallows the first
            // failure of an insert as a supposed duplicate and reads again (DatabaseOutageIT caught the 500 it caused).
            if (t instanceof SQLException s && s.getSQLState() == null && HIKARI_CLOSED_CONNECTION.equals(s.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
