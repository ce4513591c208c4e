package dk.grantlifecycle.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test suite's identity provider: an RSA key generated once per test JVM signs the tokens the
 * tests send, and the services under test are configured (production mode) with its public key,
 * issuer and audience ({@link TestIssuerEnvironment} for in-process services, {@link #environment()}
 * for a service started as a process). Tokens are validated for real: signature, issuer, audience, expiry.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.grantlifecycle.dk";
    public static final String AUDIENCE = "grant-lifecycle";
    /** The municipality of the legacy test users (most tests' cases are Lejre's). */
    public static final String DEFAULT_MUNICIPALITY = "lejre";
    /** The legacy test user: every human role, so functional tests are not about authorization (RoleMatrixIT is). */
    public static final List<String> ALL_ROUND = List.of("caseworker", "supervisor", "auditor", "admin");

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    private TestTokens() {
    }

    /** A valid token for the actor, municipality (may be null) and roles. */
    public static String token(String actor, String municipality, List<String> roles) {
        return sign(KEY, claims(actor, municipality, roles, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String expired(String actor, String municipality, List<String> roles) {
        return sign(KEY, claims(actor, municipality, roles, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))));
    }

    /** Signed by a key the service does not trust. */
    public static String badSignature(String actor, String municipality, List<String> roles) {
        return sign(OTHER_KEY, claims(actor, municipality, roles, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String wrongIssuer(String actor, String municipality, List<String> roles) {
        return sign(KEY, claims(actor, municipality, roles, "https://evil.example", AUDIENCE, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String wrongAudience(String actor, String municipality, List<String> roles) {
        return sign(KEY, claims(actor, municipality, roles, ISSUER, "another-service", Instant.now().plus(Duration.ofHours(1))));
    }

    /** The public key in PEM form, as grants.security.jwt.public-key takes it. */
    public static String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings that make a service trust this issuer (as environment variables of a service process). */
    public static Map<String, String> environment() {
        return Map.of("GRANTS_JWT_PUBLIC_KEY", publicKeyPem(), "GRANTS_JWT_ISSUER", ISSUER, "GRANTS_JWT_AUDIENCE", AUDIENCE);
    }

    /** The same as properties, for an in-process service. */
    public static Map<String, Object> properties() {
        return Map.of("grants.security.jwt.public-key", publicKeyPem(), "grants.security.jwt.issuer", ISSUER,
                "grants.security.jwt.audience", AUDIENCE);
    }

    private static JWTClaimsSet claims(String actor, String municipality, List<String> roles, String issuer, String audience,
                                       Instant expires) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(actor)
                .issueTime(Date.from(expires.minus(Duration.ofHours(1)))).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("roles", roles);
        if (municipality != null) {
            b.claim("municipality", municipality);
        }
        return b.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
