package dk.grantlifecycle.api.security;

/**
 * Where the service's tokens come from. PRODUCTION: a configured issuer (the municipality's
 * identity provider). LOCAL: a development key generated at start, built-in users and
 * {@code POST /dev/token}; only when no issuer is configured, so it cannot be switched on beside one.
 */
public enum SecurityMode {
    LOCAL, PRODUCTION;

    /** Decides the mode, or refuses a configuration that is ambiguous or incomplete (the start fails). */
    public static SecurityMode of(SecuritySettings settings) {
        SecuritySettings.Jwt jwt = settings.jwt();
        Boolean local = settings.local().enabled();
        if (jwt.configured()) {
            if (Boolean.TRUE.equals(local)) {
                throw new IllegalStateException("grants.security.local.enabled=true cannot be combined with a production issuer"
                        + " (grants.security.jwt.*): the local mode mints its own tokens");
            }
            if (!SecuritySettings.present(jwt.expectedIssuer())) {
                throw new IllegalStateException("grants.security.jwt.issuer must name the issuer (iss) tokens carry");
            }
            if (!SecuritySettings.present(jwt.audience())) {
                throw new IllegalStateException("grants.security.jwt.audience must name this service's audience (aud)");
            }
            return PRODUCTION;
        }
        if (Boolean.FALSE.equals(local)) {
            throw new IllegalStateException("no issuer configured (grants.security.jwt.issuer-uri, jwk-set-uri or public-key)"
                    + " and the local mode is switched off: no token could be validated");
        }
        return LOCAL;
    }
}
