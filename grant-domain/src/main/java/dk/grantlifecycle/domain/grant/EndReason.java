package dk.grantlifecycle.domain.grant;

/** END-REASONS: why the municipality ends a grant (a decision, with complaint guidance). */
public enum EndReason {
    GOALS_MET,
    NO_EXPECTED_EFFECT,
    CITIZEN_DOES_NOT_COOPERATE,
    CITIZEN_NO_LONGER_WANTS_IT
}
