package dk.grantlifecycle.domain.deadline;

import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.RuleId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as the events record it: what it is ({@code kind}, the {@code rule} that sets it),
 * its last day ({@code dueOn}), who must act by it, and for follow-ups that may be done early, the
 * date from which they may be done ({@code windowOpensOn}).
 */
public record Deadline(DeadlineId id, DeadlineKind kind, RuleId rule, LocalDate dueOn, Party party,
                       LocalDate windowOpensOn) {

    public Deadline {
        if (id == null || kind == null || rule == null || dueOn == null || party == null) {
            throw new IllegalArgumentException("a deadline has an id, a kind, a rule, a due date and a party");
        }
    }

    public static Deadline of(DeadlineId id, DeadlineKind kind, RuleId rule, LocalDate dueOn, Party party) {
        return new Deadline(id, kind, rule, dueOn, party, null);
    }

    /** The same deadline with a new last day (e.g. when the real receipt of a decision becomes known). */
    public Deadline movedTo(LocalDate newDueOn) {
        return new Deadline(id, kind, rule, newDueOn, party, windowOpensOn);
    }

    /**
     * When the deadline is reached: the start of its date, or the start of the day after for a
     * citizen's deadline and for a municipal one whose last day still counts.
     */
    public Instant reachedAt() {
        return party.actsUntilEndOfLastDay() || kind.missedOnlyAfterLastDay() ? Copenhagen.startOfDayAfter(dueOn)
                : Copenhagen.startOf(dueOn);
    }

    /** Every deadline is scheduled under a name of its own that starts with this. */
    public static final String SCHEDULE_NAME_PREFIX = "deadline:";

    /** The name the deadline is scheduled under: one name per deadline, so it is cancelled by its id alone. */
    public String scheduleName() {
        return scheduleName(id);
    }

    public static String scheduleName(DeadlineId id) {
        return SCHEDULE_NAME_PREFIX + id.value();
    }
}
