package dk.grantlifecycle.domain.deadline;

import dk.grantlifecycle.domain.shared.DeadlinePayload;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The open deadlines of one aggregate, held as its aggregate member: it opens a deadline (applies
 * the event that records it and schedules it for when it is reached), tells which deadline a
 * scheduled message names, and closes deadlines (applies the closing event, then cancels the
 * schedule). It follows every aggregate's deadline events through their {@link DeadlineEvents}
 * facets, so the aggregates keep no deadline bookkeeping of their own.
 */
public final class Deadlines {

    private record Tracked(Deadline deadline, boolean reached) {
    }

    private final Map<DeadlineId, Tracked> open = new LinkedHashMap<>();

    /** Records the deadline with the event {@code opening} builds, and schedules it. */
    public void open(Deadline deadline, Function<Deadline, ? extends DeadlineEvents.Opened> opening, DeadlineManager scheduler) {
        apply(opening.apply(deadline));
        scheduler.schedule(deadline.reachedAt(), deadline.scheduleName(),
                new DeadlinePayload(deadline.id().value(), deadline.dueOn()));
    }

    public boolean isOpen(DeadlineId id) {
        return open.containsKey(id);
    }

    public Optional<Deadline> find(DeadlineId id) {
        return Optional.ofNullable(open.get(id)).map(Tracked::deadline);
    }

    /** The open deadlines that match, in the order they were opened. */
    public List<Deadline> openWhere(Predicate<Deadline> which) {
        return open.values().stream().map(Tracked::deadline).filter(which).toList();
    }

    /**
     * The deadline a scheduled message names, when it is open, not yet reached and still due on the
     * day the message was scheduled for. A message for a deadline met, cancelled or moved meanwhile
     * (its cancellation can meet the message while the scheduler delivers it), or delivered twice,
     * names none: it changes nothing.
     */
    public Optional<Deadline> reached(DeadlinePayload due) {
        Tracked t = open.get(DeadlineId.of(due.deadlineKey()));
        return t == null || t.reached() || !t.deadline().dueOn().equals(due.dueOn()) ? Optional.empty() : Optional.of(t.deadline());
    }

    /**
     * Applies the event that closes a deadline, then cancels its schedule: a command that loses a
     * race with another node fails on the event store before it touches the scheduler.
     */
    public void close(DeadlineEvents.Closed closing, DeadlineManager scheduler) {
        boolean wasOpen = closing.deadlineId() != null && isOpen(closing.deadlineId());
        apply(closing);
        if (wasOpen) {
            scheduler.cancelAllWithinScope(Deadline.scheduleName(closing.deadlineId()));
        }
    }

    public void closeAll(DeadlineEvents.ClosedMany closing, DeadlineManager scheduler) {
        List<DeadlineId> wereOpen = closing.closedDeadlineIds().stream().filter(this::isOpen).toList();
        apply(closing);
        wereOpen.forEach(id -> scheduler.cancelAllWithinScope(Deadline.scheduleName(id)));
    }

    /**
     * Applies the event that moves open deadlines to new last days, then schedules each anew: the
     * old schedule is cancelled and the deadline is scheduled for its new date under the same name.
     */
    public void move(DeadlineEvents.Moved moving, DeadlineManager scheduler) {
        List<Deadline> wereOpen = moving.movedDeadlines().stream().filter(d -> isOpen(d.id())).toList();
        apply(moving);
        for (Deadline d : wereOpen) {
            scheduler.cancelAllWithinScope(d.scheduleName());
            scheduler.schedule(d.reachedAt(), d.scheduleName(), new DeadlinePayload(d.id().value(), d.dueOn()));
        }
    }

    /** A deadline closed by being reached (a citizen's window that passed): its schedule has run, nothing to cancel. */
    public void closeWhenReached(DeadlineEvents.Closed closing) {
        apply(closing);
    }

    @EventSourcingHandler
    void on(DeadlineEvents.Facet e) {
        if (e instanceof DeadlineEvents.Opened o) {
            open.put(o.deadline().id(), new Tracked(o.deadline(), false));
        } else if (e instanceof DeadlineEvents.Fired f) {
            open.computeIfPresent(f.deadlineId(), (id, t) -> new Tracked(t.deadline(), true));
        } else if (e instanceof DeadlineEvents.Closed c) {
            if (c.deadlineId() != null) {
                open.remove(c.deadlineId());
            }
        } else if (e instanceof DeadlineEvents.ClosedMany c) {
            c.closedDeadlineIds().forEach(open::remove);
        } else if (e instanceof DeadlineEvents.Moved m) {
            m.movedDeadlines().forEach(d -> open.computeIfPresent(d.id(), (id, t) -> new Tracked(d, t.reached())));
        }
    }
}
