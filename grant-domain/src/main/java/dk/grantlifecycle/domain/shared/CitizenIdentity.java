package dk.grantlifecycle.domain.shared;

/**
 * The personal-data part of an event: the citizen's CPR number and name. Kept in one record so
 * that it can be encrypted with the citizen's key and erased as a whole (PII-NOT-IN-CLEAR,
 * NO-DELETE-WITHOUT-ARCHIVE). Null in events of anonymous cases (ANONYMOUS).
 */
@PersonalData
public record CitizenIdentity(Cpr cpr, String name) {

    public CitizenIdentity {
        if (cpr == null) {
            throw new RuleViolation("CPR-VALID", "citizen.cpr", "a CPR number is required");
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    @Override
    public String toString() {
        return "CitizenIdentity[personal data]";
    }
}
