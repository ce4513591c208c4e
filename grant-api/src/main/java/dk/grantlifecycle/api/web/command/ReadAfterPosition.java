package dk.grantlifecycle.api.web.command;

import dk.grantlifecycle.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Read your writes on the read side: a GET that carries {@code X-Min-Event-Position} (the
 * {@code X-Event-Position} a command answered with) is served only once the read models hold that
 * position and what the case process did in turn, or once {@code grants.read-your-writes.timeout}
 * has passed; {@code X-Read-Models} says which ({@code current} or {@code behind}). The wait is
 * woken by the processors as they commit ({@link ProcessorProgress}); a read without the header
 * never waits. This lets a command answer at once after its commit (see
 * {@code grants.read-your-writes.command-waits} and the request header {@code X-Await-Read-Models})
 * while a client that asks still reads its own write.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class ReadAfterPosition extends OncePerRequestFilter {

    public static final String MIN_EVENT_POSITION = "X-Min-Event-Position";

    private final ReadModelCatchUp catchUp;
    private final Problems problems;

    public ReadAfterPosition(ReadModelCatchUp catchUp, Problems problems) {
        this.catchUp = catchUp;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader(MIN_EVENT_POSITION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long position;
        try {
            position = Long.parseLong(request.getHeader(MIN_EVENT_POSITION).trim());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            problems.write(response, Problems.badInput("X-Min-Event-Position is the X-Event-Position a command answered with"
                    + " (a non-negative whole number)", MIN_EVENT_POSITION), new HttpHeaders());
            return;
        }
        // No command answered with a position beyond the store's head: such a read does not hold a thread for the bound.
        ReadModelCatchUp.State state = position > catchUp.storedHead() ? ReadModelCatchUp.State.BEHIND
                : catchUp.await(List.of(position));
        response.setHeader(CommandTransactionFilter.READ_MODELS, state.header());
        chain.doFilter(request, response);
    }
}
