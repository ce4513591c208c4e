package dk.grantlifecycle.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code grants.security.*}: where tokens come from and how their claims are read.
 *
 * @param jwt        the production issuer: {@code issuer-uri} (OIDC discovery), or {@code jwk-set-uri} or
 *                   {@code public-key} (PEM) with {@code issuer}; always an {@code audience}
 * @param claims     the claim names holding the actor, the municipality and the roles
 * @param local      {@code enabled}: the local mode with built-in users; unset means "when no issuer is configured"
 * @param cors       origins allowed to call from a browser; empty means CORS stays off
 * @param metrics    an optional separate credential for a Prometheus scraper (HTTP Basic)
 */
@ConfigurationProperties("grants.security")
public record SecuritySettings(Jwt jwt, Claims claims, Local local, Cors cors, Metrics metrics) {

    public SecuritySettings {
        jwt = jwt == null ? new Jwt(null, null, null, null, null, null) : jwt;
        claims = claims == null ? new Claims(null, null, null, null) : claims;
        local = local == null ? new Local(null) : local;
        cors = cors == null ? new Cors(null) : cors;
        metrics = metrics == null ? new Metrics(null, null) : metrics;
    }

    public record Jwt(String issuerUri, String jwkSetUri, String publicKey, String issuer, String audience, Duration clockSkew) {
        public Jwt {
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        }

        /** A production issuer is configured: any of the three key sources. */
        public boolean configured() {
            return present(issuerUri) || present(jwkSetUri) || present(publicKey);
        }

        /** The {@code iss} a token must carry. */
        public String expectedIssuer() {
            return present(issuer) ? issuer : issuerUri;
        }
    }

    /**
     * @param roleNames token role values mapped to this service's roles, for an identity provider
     *                  that names them otherwise (e.g. {@code GrantsCaseworker: caseworker})
     */
    public record Claims(String actor, String municipality, String roles, Map<String, String> roleNames) {
        public Claims {
            actor = present(actor) ? actor : "sub";
            municipality = present(municipality) ? municipality : "municipality";
            roles = present(roles) ? roles : "roles";
            roleNames = roleNames == null ? Map.of() : Map.copyOf(roleNames);
        }
    }

    public record Local(Boolean enabled) {
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(SecuritySettings::present).toList();
        }
    }

    public record Metrics(String scrapeUsername, String scrapePassword) {
        public boolean configured() {
            return present(scrapeUsername) && present(scrapePassword);
        }

        @Override
        public String toString() {
            return "Metrics[scrapeUsername=" + scrapeUsername + ", scrapePassword=" + (present(scrapePassword) ? "(set)" : "(unset)") + "]";
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
