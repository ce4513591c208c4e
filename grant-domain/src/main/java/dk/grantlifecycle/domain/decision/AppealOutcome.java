package dk.grantlifecycle.domain.decision;

/**
 * APPEAL-OUTCOME: stadfæstelse (UPHELD), ændring (CHANGED), ophævelse (ANNULLED), hjemvisning
 * (REMITTED, CASE-REMITTED), afvisning (DISMISSED), bortfald when the complaint is withdrawn (LAPSED).
 */
public enum AppealOutcome {
    UPHELD, CHANGED, ANNULLED, REMITTED, DISMISSED, LAPSED;

    /** Whether the decision complained about no longer stands. */
    public boolean revokes() {
        return this == CHANGED || this == ANNULLED || this == REMITTED;
    }
}
