package dk.grantlifecycle.domain.decision;

/** What a complaint is about: a decision, or something that is not a decision open to appeal (COMPLAINT-NOT-APPEALABLE). */
public enum ComplaintSubject { DECISION, PROVIDER_CHOICE }
