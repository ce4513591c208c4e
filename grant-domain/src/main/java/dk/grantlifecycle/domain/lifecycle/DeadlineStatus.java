package dk.grantlifecycle.domain.lifecycle;

import java.time.LocalDate;

/**
 * A deadline's status as of a day: an open deadline is upcoming, due today or overdue (it stays
 * overdue until it is met or cancelled with a reason; it never silently disappears), a closed one
 * is done or cancelled. The one definition the case view, the queue and as-of history use.
 */
public enum DeadlineStatus {
    UPCOMING,
    DUE_TODAY,
    OVERDUE,
    DONE,
    CANCELLED;

    /** What the deadline events have made of a deadline: opened, reached (fired) while open, met, or cancelled. */
    public enum State {
        OPEN, FIRED, MET, CANCELLED;

        public boolean open() {
            return this == OPEN || this == FIRED;
        }
    }

    public static DeadlineStatus of(State state, LocalDate dueOn, LocalDate today) {
        return switch (state) {
            case MET -> DONE;
            case CANCELLED -> CANCELLED;
            case OPEN, FIRED -> dueOn.isAfter(today) ? UPCOMING : dueOn.isEqual(today) ? DUE_TODAY : OVERDUE;
        };
    }

    /** An open status: the deadline still runs. */
    public boolean open() {
        return this == UPCOMING || this == DUE_TODAY || this == OVERDUE;
    }

    /**
     * For an open status, how its due date compares with today: after (1), on (0) or before (-1);
     * for a closed status, the state it was closed in. Lets a query render the same definition.
     */
    public int dueComparedWithToday() {
        return switch (this) {
            case UPCOMING -> 1;
            case DUE_TODAY -> 0;
            case OVERDUE -> -1;
            default -> throw new IllegalStateException(this + " is not an open status");
        };
    }

    public State closedAs() {
        return switch (this) {
            case DONE -> State.MET;
            case CANCELLED -> State.CANCELLED;
            default -> throw new IllegalStateException(this + " is an open status");
        };
    }
}
