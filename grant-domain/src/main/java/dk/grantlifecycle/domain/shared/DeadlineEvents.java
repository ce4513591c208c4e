package dk.grantlifecycle.domain.shared;

import java.time.LocalDate;

/**
 * Facets that events of every aggregate share when they open, fire or close a deadline, so that
 * a deadline queue can follow any deadline without knowing each aggregate. {@code deadlineKey}
 * is the deadline's stable identity within the system; {@code caseId} is the application the
 * deadline belongs to.
 */
public final class DeadlineEvents {

    private DeadlineEvents() {
    }

    /** A deadline now runs: it falls due on {@code dueOn} under rule {@code ruleId}. */
    public interface Opened {
        String caseId();

        String deadlineKey();

        DeadlineKind deadlineKind();

        LocalDate dueOn();

        String ruleId();
    }

    /** The deadline's due date came and the work was not done. */
    public interface Fired {
        String deadlineKey();
    }

    /** The deadline no longer runs: met ({@code met} true) or cancelled with a reason. */
    public interface Closed {
        String deadlineKey();

        boolean met();

        String closingReason();
    }

    /** An event that closes several deadlines at once, e.g. a decision or a plan ending. */
    public interface ClosedMany {
        java.util.List<String> closedDeadlineKeys();

        boolean met();

        String closingReason();
    }
}
