package dk.grantlifecycle.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.jdbc.core.JdbcTemplate;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local mode's issuer: an RSA key that signs tokens for the built-in users. The first instance
 * to start on a database generates it and stores it there ({@code local_issuer_key}); every other
 * instance on that database takes the stored one, so the instances of a local-mode deployment behind
 * one proxy accept each other's tokens. Exists only in the local mode; a start in production mode
 * deletes the stored key ({@link SecurityConfig}).
 */
public class LocalIssuer {

    public static final String ISSUER = "urn:grant-lifecycle:local";
    public static final String AUDIENCE = "grant-lifecycle";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final Clock wallClock = Clock.systemUTC();

    LocalIssuer(JdbcTemplate jdbc) {
        try {
            if (jdbc.queryForList("SELECT jwk FROM local_issuer_key WHERE id = 1", String.class).isEmpty()) {
                // The first instance on this database; another starting at the same moment may win the insert.
                RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                jdbc.update("INSERT INTO local_issuer_key (id, jwk) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", generated.toJSONString());
            }
            key = RSAKey.parse(jdbc.queryForObject("SELECT jwk FROM local_issuer_key WHERE id = 1", String.class));
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("the local mode's signing key could not be made or read", e);
        }
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for a built-in user, in the claim names of the default configuration. */
    String token(String subject, String municipality, List<String> roles) {
        // Token lifetimes are wall-clock facts checked against the wall clock, not the simulated case clock.
        Instant now = wallClock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (municipality != null) {
            claims.claim("municipality", municipality);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
