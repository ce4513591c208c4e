package dk.grantlifecycle.domain.decision;

/** The kinds of follow-up deadline a cadence produces. */
public enum FollowUpKind {
    /** A new assessment of the need (SEL85-REASSESS-12W). */
    REASSESSMENT,
    /** A follow-up on goals and effect (SEL85-FOLLOWUP-6M and most paragraphs). */
    FOLLOW_UP,
    /** A first meeting after a stay starts (SEL110-FOLLOWUP, SEL109-FOLLOWUP). */
    FIRST_MEETING,
    /** A written status (SEL101-STATUS). */
    STATUS_REPORT,
    /** A review when the citizen reaches an age (SEL104-AGE67). */
    AGE_REVIEW,
    /** A review after repeated cancellations by the citizen (SEL104-REPEATED-CANCEL). */
    CANCELLATION_REVIEW
}
