package dk.grantlifecycle.domain.shared;

/** Every kind of deadline the system keeps; the supervisor's queue has one row per deadline. */
public enum DeadlineKind {
    CASE_PROCESSING,
    TREATMENT_GUARANTEE,
    REASSESSMENT,
    FOLLOW_UP,
    FIRST_MEETING,
    STATUS_REPORT,
    AGE_REVIEW,
    CANCELLATION_REVIEW,
    COMPLAINT_WINDOW,
    RECONSIDERATION,
    ESCALATION,
    NOTICE_EFFECTIVE,
    HEARING_ANSWER,
    SHELTER_NOTIFICATION,
    APPEAL_DECISION
}
