package dk.grantlifecycle.api.citizen;

import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Cpr;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Derives a citizen's pseudonymous id from the CPR number with a keyed hash, so every node maps
 * the same citizen to the same id without a shared table and the id reveals nothing without the
 * key (PII-NOT-IN-CLEAR). The key comes from configuration (a Kubernetes secret in production).
 */
@Component
public class CitizenPseudonyms {

    private final SecretKeySpec key;

    public CitizenPseudonyms(@Value("${grants.pseudonym-secret}") String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("grants.pseudonym-secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public CitizenId of(Cpr cpr) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(cpr.value().getBytes(StandardCharsets.US_ASCII));
            return CitizenId.of("c-" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
