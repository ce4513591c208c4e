package dk.grantlifecycle.domain.decision;

/**
 * How a statement of the citizen reached the municipality: a complaint (COMPLAINT-ANY-FORM: no
 * form is required) or the withdrawal of an application. Recorded as it came.
 */
public enum StatementForm { WRITTEN, ORAL, EMAIL, DIGITAL_POST, SELF_SERVICE }
