package dk.grantlifecycle.api.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityModeTest {

    private static SecuritySettings settings(SecuritySettings.Jwt jwt, Boolean local) {
        return new SecuritySettings(jwt, null, new SecuritySettings.Local(local), null, null);
    }

    private static final SecuritySettings.Jwt ISSUER = new SecuritySettings.Jwt("https://login.example/tenant/v2.0", null, null, null,
            "api://grants", Duration.ofSeconds(30));
    private static final SecuritySettings.Jwt NONE = new SecuritySettings.Jwt(null, null, null, null, null, null);

    @Test
    @DisplayName("no issuer configured: the local mode (the README's run command)")
    void withoutAnIssuerTheServiceRunsLocally() {
        assertThat(SecurityMode.of(settings(NONE, null))).isEqualTo(SecurityMode.LOCAL);
        assertThat(SecurityMode.of(settings(NONE, true))).isEqualTo(SecurityMode.LOCAL);
    }

    @Test
    @DisplayName("an issuer configured: production mode, and the local mode cannot be switched on beside it")
    void theLocalModeIsImpossibleBesideAProductionIssuer() {
        assertThat(SecurityMode.of(settings(ISSUER, null))).isEqualTo(SecurityMode.PRODUCTION);
        assertThat(SecurityMode.of(settings(ISSUER, false))).isEqualTo(SecurityMode.PRODUCTION);
        assertThatThrownBy(() -> SecurityMode.of(settings(ISSUER, true))).hasMessageContaining("cannot be combined");
        assertThat(new LocalModeCondition()).isNotNull();
    }

    @Test
    @DisplayName("production needs an issuer to check and an audience; no issuer and no local mode cannot start")
    void incompleteConfigurationsStopTheStart() {
        assertThatThrownBy(() -> SecurityMode.of(settings(new SecuritySettings.Jwt(null, "https://idp/jwks", null, null, "grants", null), null)))
                .hasMessageContaining("grants.security.jwt.issuer");
        assertThatThrownBy(() -> SecurityMode.of(settings(new SecuritySettings.Jwt("https://idp", null, null, null, null, null), null)))
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> SecurityMode.of(settings(NONE, false))).hasMessageContaining("local mode is switched off");
    }

    @Test
    @DisplayName("the scrape password is not in the settings' text (secrets never logged)")
    void secretsStayOutOfToString() {
        assertThat(new SecuritySettings.Metrics("prometheus", "s3cret-Value").toString()).doesNotContain("s3cret-Value");
    }
}
