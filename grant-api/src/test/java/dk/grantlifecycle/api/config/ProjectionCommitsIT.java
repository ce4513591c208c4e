package dk.grantlifecycle.api.config;

import dk.grantlifecycle.api.GrantsApplication;
import dk.grantlifecycle.api.replay.ProjectionReplay;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the event processors' transactions wait for the WAL flush at commit, on the real PostgreSQL. */
@SpringBootTest(classes = GrantsApplication.class, properties = "grants.embedded-postgres.data-directory=")
@DirtiesContext
class ProjectionCommitsIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("the projections commit without waiting for the WAL flush (rebuildable with their tokens); the case process, "
            + "the Kafka publisher and commands keep synchronous commits")
    void onlyProjectionsCommitAsynchronously() {
        for (String projection : ProjectionReplay.PROJECTIONS) {
            assertThat(synchronousCommitIn(processing.transactionManager(projection))).as(projection).isEqualTo("off");
        }
        assertThat(synchronousCommitIn(processing.transactionManager("case-process"))).isEqualTo("on");
        assertThat(synchronousCommitIn(processing.transactionManager("kafka-publisher"))).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).as("after, on the same pool").isEqualTo("on");
    }

    private String synchronousCommitIn(TransactionManager manager) {
        Transaction tx = manager.startTransaction();
        try {
            return jdbc.queryForObject("SHOW synchronous_commit", String.class);
        } finally {
            tx.commit();
        }
    }
}
