package dk.grantlifecycle.api.security;

import dk.grantlifecycle.api.Api;
import dk.grantlifecycle.api.GrantsApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mode's signing key lives in the database, so the instances of a local-mode deployment
 * (the compose stack's two behind a proxy) accept each other's tokens; a production start deletes it.
 */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.test.issuer=off", "grants.embedded-postgres.data-directory="})
@DirtiesContext
class LocalIssuerKeyIT {

    @LocalServerPort
    int port;

    @Autowired
    LocalIssuer issuer;

    @Autowired
    SecurityConfig security;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("a second instance on the same database signs with the stored key: this instance accepts its token; a start in "
            + "production mode deletes the key")
    void instancesOnOneDatabaseShareTheKey() throws Exception {
        LocalIssuer secondInstance = new LocalIssuer(jdbc);
        assertThat(secondInstance.publicKey()).isEqualTo(issuer.publicKey());
        String token = secondInstance.token("supervisor-lejre", "lejre", List.of("supervisor"));
        assertThat(new Api(port, "supervisor-lejre", token).get("/deadlines").status())
                .as("a token from the other instance").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM local_issuer_key", Integer.class)).isEqualTo(1);

        security.localIssuerKeyRemoval(SecurityMode.LOCAL, jdbc).run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM local_issuer_key", Integer.class)).as("kept in the local mode").isEqualTo(1);
        security.localIssuerKeyRemoval(SecurityMode.PRODUCTION, jdbc).run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM local_issuer_key", Integer.class)).as("deleted in production mode").isZero();
    }
}
