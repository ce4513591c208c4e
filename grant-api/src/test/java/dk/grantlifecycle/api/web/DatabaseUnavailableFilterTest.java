package dk.grantlifecycle.api.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(new Problems(JsonMapper.builder().build()),
            Duration.ofSeconds(5));

    @Test
    @DisplayName("a filter that finds no database connection in time (the read-your-writes wait under overload) answers 503 "
            + "database-unavailable with Retry-After, not 500")
    void noConnectionInAFilterIs503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/cases/c-1"), response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("database-unavailable");
    }

    @Test
    @DisplayName("any other failure is left to the server's own handling")
    void otherFailuresPassThrough() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/cases/c-1"), new MockHttpServletResponse(),
                (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
