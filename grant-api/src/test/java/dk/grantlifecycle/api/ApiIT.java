package dk.grantlifecycle.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Integration tests against the whole service on a real (embedded) PostgreSQL, in simulation mode.
 * The context is shared between test classes; tests create their own cases and never move the
 * clock backwards, so they do not depend on each other.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.simulation.enabled=true", "grants.embedded-postgres.data-directory="})
public abstract class ApiIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(port, "cw-test");
    }

    protected int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?", Integer.class,
                aggregateId + "%");
    }

    protected int totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }
}
