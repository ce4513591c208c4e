package dk.grantlifecycle.domain.deadline;

/**
 * Who must act by a deadline, which decides when it counts as reached. The municipality's own
 * deadlines (deciding, reconsidering, following up) are due on their date: the queue shows them
 * as due that day. The citizen's and third parties' deadlines (a complaint window, a hearing
 * answer, a shelter's notice) run to the end of their last day (DEADLINE-COUNT) and are missed
 * only when that day has passed.
 */
public enum Party {
    MUNICIPALITY,
    CITIZEN,
    THIRD_PARTY;

    public boolean actsUntilEndOfLastDay() {
        return this != MUNICIPALITY;
    }
}
