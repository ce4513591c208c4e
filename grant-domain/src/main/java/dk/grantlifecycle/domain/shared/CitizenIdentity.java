package dk.grantlifecycle.domain.shared;

/**
 * The personal-data part of an event: the citizen's CPR number and name. Kept in one record so
 * that it is encrypted with the citizen's key in the event store and erased as a whole
 * (PII-NOT-IN-CLEAR, NO-DELETE-WITHOUT-ARCHIVE). Null in events of anonymous cases (ANONYMOUS).
 * <p>
 * After the citizen's key has been destroyed the stored part can no longer be decrypted and reads
 * as {@link #erasedIdentity()}: no CPR number, no name.
 */
@PersonalData
public record CitizenIdentity(Cpr cpr, String name, boolean erased) {

    private static final CitizenIdentity ERASED = new CitizenIdentity(null, null, true);

    public CitizenIdentity {
        if (erased) {
            if (cpr != null || name != null) {
                throw new IllegalArgumentException("erased personal data holds no CPR number and no name");
            }
        } else if (cpr == null) {
            throw new RuleViolation(RuleId.CPR_VALID, "citizen.cpr", "a CPR number is required");
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    public CitizenIdentity(Cpr cpr, String name) {
        this(cpr, name, false);
    }

    /** What a stored identity reads as once the citizen's key is destroyed. */
    public static CitizenIdentity erasedIdentity() {
        return ERASED;
    }

    @Override
    public String toString() {
        return erased ? "CitizenIdentity[erased]" : "CitizenIdentity[personal data]";
    }
}
