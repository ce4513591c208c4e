package dk.grantlifecycle.api.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do; taken from the token's roles claim. The endpoints each role reaches are
 * declared in one table, {@link SecurityConfig#ENDPOINTS}.
 */
public enum Role {
    /** Commands and reads on the cases of their municipality. */
    CASEWORKER("case processing"),
    /** Deadline queues, counts and DST reports of their municipality, plus the caseworkers' reads. */
    SUPERVISOR("supervision"),
    /** Read-only: case views, audit trail, as-of history, the access log. No commands. */
    AUDITOR("audit"),
    /** Rule sets, replays, dead letters, the simulation clock, metrics. No case data unless also another role. */
    ADMIN("administration"),
    /** Integrations: commands only, named as the actor in the audit trail. */
    SYSTEM("integration");

    private final String purpose;

    Role(String purpose) {
        this.purpose = purpose;
    }

    /** ACCESS-LOG: the purpose a read is logged with when the request names none (X-Purpose). */
    public String defaultPurpose() {
        return purpose;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public static Optional<Role> ofClaim(String value) {
        try {
            return Optional.of(Role.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
