package dk.grantlifecycle.domain.decision;

/** COMPLAINT-RECONSIDER: the municipality's reconsideration (genvurdering). */
public enum ReconsiderationOutcome { CHANGED_IN_FAVOUR, UPHELD, PARTLY_UPHELD }
