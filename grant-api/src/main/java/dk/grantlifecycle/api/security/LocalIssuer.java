package dk.grantlifecycle.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local mode's issuer: an RSA key generated at start (kept in memory only, so tokens end with
 * the process) that signs tokens for the built-in users. Exists only in the local mode.
 */
public class LocalIssuer {

    public static final String ISSUER = "urn:grant-lifecycle:local";
    public static final String AUDIENCE = "grant-lifecycle";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final Clock wallClock = Clock.systemUTC();

    LocalIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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
