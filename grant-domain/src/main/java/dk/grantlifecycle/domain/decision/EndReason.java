package dk.grantlifecycle.domain.decision;

/**
 * END-REASONS: why the municipality ends a grant (a decision, with complaint guidance), or
 * {@link #PERIOD_ENDED}: a grant given for a limited period ended by itself on its last day
 * (TEMPORARY-FIRST), as the decision that granted it said; no decision gives that reason.
 */
public enum EndReason {
    GOALS_MET,
    NO_EXPECTED_EFFECT,
    CITIZEN_DOES_NOT_COOPERATE,
    CITIZEN_NO_LONGER_WANTS_IT,
    PERIOD_ENDED;

    /** A reason a termination decision may give. */
    public boolean decided() {
        return this != PERIOD_ENDED;
    }
}
