package dk.grantlifecycle.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The local run mode: no issuer configured, a development key, built-in users, POST /dev/token. */
@SpringBootTest(classes = GrantsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grants.test.issuer=off", "grants.embedded-postgres.data-directory="})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LocalModeIT {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("local mode: a built-in user gets a token from POST /dev/token and creates a case with it; the mode is logged at start")
    void builtInUsersGetTokens(CapturedOutput output) {
        Api anonymous = new Api(port, "anonymous", (String) null);
        Api.Response token = anonymous.post("/dev/token", "{\"user\": \"caseworker-lejre\"}");
        assertThat(token.status()).as(token.body().toString()).isEqualTo(200);
        assertThat(token.text("token_type")).isEqualTo("Bearer");

        Api caseworker = new Api(port, "caseworker-lejre", token.text("access_token"));
        String id = new Workflow(caseworker).receive("lejre", "010190-1234").applicationId;
        assertThat(caseworker.get("/cases/" + id).body().path("municipality").asText()).isEqualTo("lejre");

        Api.Response other = anonymous.post("/dev/token", "{\"user\": \"caseworker-aabenraa\"}");
        assertThat(new Api(port, "caseworker-aabenraa", other.text("access_token")).get("/cases/" + id).status())
                .as("built-in users are bound to their municipality").isEqualTo(404);
        Api admin = new Api(port, "admin", anonymous.post("/dev/token", "{\"user\": \"admin\"}").text("access_token"));
        assertThat(admin.get("/rulesets").status()).isEqualTo(200);
        assertThat(admin.get("/cases/" + id).status()).as("admin sees no case data").isEqualTo(403);

        Api.Response unknown = anonymous.post("/dev/token", "{\"user\": \"root\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("caseworker-lejre", "supervisor-gladsaxe", "auditor-aabenraa", "system-lejre", "admin");
        assertThat(new Api(port, "x", TestTokens.token("caseworker-lejre", "lejre", java.util.List.of("caseworker")))
                .get("/cases/" + id).status()).as("a token from another issuer is refused").isEqualTo(401);
        assertThat(output.getAll()).contains("security mode LOCAL");
    }
}
