package dk.grantlifecycle.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Data migrations that change what is already stored, each proved on a database as the previous version left it. */
class MigrationsIT {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static void migrateTo(String version) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target(version).load().migrate();
    }

    private static void scheduled(String name, String task, String at, boolean picked) {
        jdbc.update("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES ('axon-deadline', ?, ?::timestamptz, ?, 1)""", task, at, picked);
        jdbc.update("INSERT INTO deadline_schedule (deadline_name, schedule_id) VALUES (?, ?)", name, task);
    }

    private static Instant executionOf(String task) {
        return jdbc.queryForObject("SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?", Timestamp.class, task)
                .toInstant();
    }

    @Test
    @DisplayName("SEL101-GUARANTEE: a guarantee scheduled for the start of day 14 (Monday 18 March 2024) moves to the start of "
            + "Tuesday 19 March; one due Sunday 31 March moves across the change to summer time to midnight of Monday 1 April; others stay")
    void guaranteesMoveToTheEndOfTheirLastDay() {
        migrateTo("14");
        scheduled("deadline:a-1/treatment-guarantee", "t-1", "2024-03-17T23:00:00Z", false);
        scheduled("deadline:a-2/treatment-guarantee", "t-2", "2024-03-30T23:00:00Z", false);
        scheduled("deadline:a-3/case-processing", "t-3", "2024-03-17T23:00:00Z", false);
        migrateTo("15");
        assertThat(executionOf("t-1")).isEqualTo("2024-03-18T23:00:00Z");
        assertThat(executionOf("t-2")).as("midnight in Copenhagen after the clocks go forward").isEqualTo("2024-03-31T22:00:00Z");
        assertThat(executionOf("t-3")).isEqualTo("2024-03-17T23:00:00Z");
    }
}
