package dk.grantlifecycle.domain.grant;

/** COMPLAINT-ANY-FORM: no form is required; the way the complaint came is recorded. */
public enum ComplaintForm { WRITTEN, ORAL, EMAIL, DIGITAL_POST, SELF_SERVICE }
