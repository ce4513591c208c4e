package dk.grantlifecycle.domain.deadline;

import dk.grantlifecycle.domain.shared.CaseEvent;

import java.util.List;

/**
 * Facets that events of every aggregate share when they open, fire or close a deadline, so that
 * the {@link Deadlines} member of each aggregate and the deadline queue follow any deadline without
 * knowing each aggregate. An event has at most one facet.
 */
public final class DeadlineEvents {

    private DeadlineEvents() {
    }

    /** Common to the facets, so one handler sees them all. */
    public sealed interface Facet extends CaseEvent permits Opened, Fired, Closed, ClosedMany, Moved {
    }

    /** A deadline now runs. */
    public non-sealed interface Opened extends Facet {
        Deadline deadline();
    }

    /** The deadline was reached and the work is not done: it stays open until it is met or cancelled. */
    public non-sealed interface Fired extends Facet {
        DeadlineId deadlineId();
    }

    /** The deadline no longer runs: met ({@code met} true) or cancelled with a reason. A null id closes nothing. */
    public non-sealed interface Closed extends Facet {
        DeadlineId deadlineId();

        boolean met();

        String closingReason();
    }

    /** Open deadlines now run to new last days ({@code movedDeadlines}: same ids, new due dates). */
    public non-sealed interface Moved extends Facet {
        List<Deadline> movedDeadlines();
    }

    /** An event that closes several deadlines at once, e.g. a decision or a plan ending. */
    public non-sealed interface ClosedMany extends Facet {
        List<DeadlineId> closedDeadlineIds();

        boolean met();

        String closingReason();
    }
}
