package dk.grantlifecycle.api.web;

import com.github.kagkarlsson.shaded.jdbc.SQLRuntimeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    @DisplayName("a statement on a connection the pool closed as broken is the database being unavailable (503), not a 500; "
            + "a statement PostgreSQL refuses is not")
    void closedConnectionIsUnavailable() {
        // What db-scheduler threw in DatabaseOutageIT: its read after a swallowed insert failure, on the connection
        // HikariCP had closed when PostgreSQL went away.
        assertThat(Problems.databaseUnavailable(new SQLRuntimeException("Error when preparing statement.",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(Problems.databaseUnavailable(new SQLRuntimeException("Error when preparing statement.",
                new SQLException("ERROR: duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(Problems.databaseUnavailable(new SQLException("Connection is closed", "XX000"))).isFalse();
    }
}
