package dk.grantlifecycle.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * The database out of reach or overloaded in a filter, outside the controllers' problem handler
 * (reading the store's head for {@code X-Min-Event-Position}, writing the access log): the answer is
 * the same 503 database-unavailable problem with Retry-After a controller gives, not Tomcat's 500.
 * The benchmark's open loop at 200 commands per second met it when the connection pool ran dry.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final Problems problems;
    private final Duration retryAfter;

    public DatabaseUnavailableFilter(Problems problems, @Value("${grants.db.retry-after:PT5S}") Duration retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!Problems.databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable: a {} request refused ({})", request.getMethod(), ProblemHandler.rootMessage(e));
            problems.write(response, Problems.databaseUnavailable(retryAfter), Problems.retryAfter(retryAfter));
        }
    }
}
