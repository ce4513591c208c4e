package dk.grantlifecycle.domain.shared;

/**
 * A message that carries a {@link PersonalData} part names whose it is: the citizen whose data key
 * encrypts that part in the event store (PII-NOT-IN-CLEAR). A message without an owner cannot store
 * personal data.
 */
public interface PersonalDataOwner {

    /** The citizen the personal data belongs to; null for an anonymous case (ANONYMOUS). */
    CitizenId citizenId();
}
