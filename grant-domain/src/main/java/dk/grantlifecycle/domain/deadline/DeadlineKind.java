package dk.grantlifecycle.domain.deadline;

/** Every kind of deadline the system keeps; the supervisor's queue has one row per deadline. */
public enum DeadlineKind {
    CASE_PROCESSING,
    /** SEL101-GUARANTEE: treatment starts "senest 14 dage efter": day 14 itself still keeps it. */
    TREATMENT_GUARANTEE(true),
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
    APPEAL_DECISION,
    /** TEMPORARY-FIRST: a grant for a limited period runs through its last day and then ends by itself. */
    GRANT_PERIOD_END(true);

    private final boolean missedOnlyAfterLastDay;

    DeadlineKind() {
        this(false);
    }

    DeadlineKind(boolean missedOnlyAfterLastDay) {
        this.missedOnlyAfterLastDay = missedOnlyAfterLastDay;
    }

    /**
     * A municipal deadline whose last day still counts ("senest ... efter"): reached when that day has
     * passed, like a citizen's deadline, rather than when it begins.
     */
    public boolean missedOnlyAfterLastDay() {
        return missedOnlyAfterLastDay;
    }
}
