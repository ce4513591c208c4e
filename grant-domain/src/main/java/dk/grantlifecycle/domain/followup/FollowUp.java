package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Deadlines;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.Cadence.Anchor;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.followup.FollowUpCommands.*;
import dk.grantlifecycle.domain.followup.FollowUpEvent.*;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A grant's follow-up plan: the deadlines its cadences produce (SEL85-REASSESS-12W,
 * SEL85-FOLLOWUP-6M, SEL96-FOLLOWUP, ...), fired as {@link ReassessmentDue} or {@link FollowUpDue}
 * when they come, restarted from the completion date when done early or late, and cancelled
 * when the grant ends.
 */
@AggregateRoot
public class FollowUp {

    @AggregateIdentifier
    private FollowUpId followUpId;
    private CaseId caseId;
    private List<Cadence> cadences = List.of();
    private Integer repeatedCancellations;
    private LocalDate startedOn;
    private boolean ended;
    private int scheduled;
    private int cancellationsSinceFollowUp;
    private final Map<DeadlineId, Cadence> setBy = new HashMap<>();
    @AggregateMember
    private final Deadlines deadlines = new Deadlines();

    protected FollowUp() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartFollowUpPlan c, RuleBook rules, DeadlineManager scheduler) {
        if (followUpId != null) {
            return;
        }
        RuleViolation.require(c.grantedOn() != null, RuleId.SEL85_FOLLOWUP_6M, "grantedOn", "is required");
        List<Cadence> plan = c.cadences() == null ? List.of() : List.copyOf(c.cadences());
        apply(new FollowUpPlanStarted(c.followUpId(), c.grantId(), c.caseId(), c.paragraph(), c.grantedOn(), plan,
                c.validUntil(), c.repeatedCancellations()));
        LegalCalendar calendar = rules.calendar();
        for (Cadence k : plan) {
            if (k.anchor() == Anchor.GRANT) {
                schedule(k, calendar.plus(c.grantedOn(), k.first()),
                        k.windowOpens() == null ? null : calendar.plus(c.grantedOn(), k.windowOpens()), scheduler);
            } else if (k.anchor() == Anchor.AGE) {
                schedule(k, k.fixedDueOn(), null, scheduler);
            } else if (k.anchor() == Anchor.BEFORE_END && c.validUntil() != null) {
                schedule(k, calendar.minus(c.validUntil(), k.first()), null, scheduler);
            }
        }
    }

    @CommandHandler
    public void handle(AnchorServiceStart c, RuleBook rules, DeadlineManager scheduler) {
        if (startedOn != null || ended) {
            return;
        }
        apply(new ServiceStartAnchored(followUpId, caseId, c.startedOn()));
        LegalCalendar calendar = rules.calendar();
        for (Cadence k : cadences) {
            if (k.anchor() == Anchor.START) {
                schedule(k, calendar.plus(c.startedOn(), k.first()),
                        k.windowOpens() == null ? null : calendar.plus(c.startedOn(), k.windowOpens()), scheduler);
            }
        }
    }

    @CommandHandler
    public void handle(CompleteFollowUp c, RuleBook rules, DeadlineManager scheduler) {
        Deadline open = deadlines.find(c.deadlineId()).orElseThrow(() -> new RuleViolation(RuleId.SEL85_FOLLOWUP_6M,
                "deadlineId", "no open follow-up '" + c.deadlineId() + "'"));
        RuleViolation.require(c.completedOn() != null, open.rule(), "completedOn", "is required");
        Cadence cadence = setBy.get(open.id());
        deadlines.close(new FollowUpCompleted(followUpId, caseId, open.id(), c.completedOn(), c.note()), scheduler);
        if (cadence != null && cadence.every() != null && !ended) {
            schedule(cadence, rules.calendar().plus(c.completedOn(), cadence.every()), null, scheduler);
        }
        if (cadence != null && !ended) {
            for (Cadence next : cadences) {
                if (next.anchor() == Anchor.COMPLETION && next.after() == cadence.kind() && !next.equals(cadence)) {
                    schedule(next, rules.calendar().plus(c.completedOn(), next.first()), null, scheduler);
                }
            }
        }
    }

    @CommandHandler
    public void handle(RecordCancellationByCitizen c, DeadlineManager scheduler) {
        InvalidState.check(!ended, "the follow-up plan has ended");
        int count = cancellationsSinceFollowUp + 1;
        apply(new CitizenCancelledAppointment(followUpId, caseId, c.cancelledOn(), count));
        boolean reviewOpen = !deadlines.openWhere(d -> d.kind() == DeadlineKind.CANCELLATION_REVIEW).isEmpty();
        if (repeatedCancellations != null && count >= repeatedCancellations && !reviewOpen) {
            Deadline review = Deadline.of(nextDeadlineId(), DeadlineKind.CANCELLATION_REVIEW, RuleId.SEL104_REPEATED_CANCEL,
                    c.cancelledOn(), Party.MUNICIPALITY);
            deadlines.open(review, d -> new FollowUpScheduled(followUpId, caseId, d, null), scheduler);
        }
    }

    @CommandHandler
    public void handle(EndFollowUpPlan c, RuleBook rules, DeadlineManager scheduler) {
        if (ended) {
            return;
        }
        List<DeadlineId> open = deadlines.openWhere(d -> true).stream().map(Deadline::id).toList();
        deadlines.closeAll(new FollowUpPlanEnded(followUpId, caseId, c.endedOn(), c.reason(), open), scheduler);
        if (!c.citizenDeclinesAfterCare()) {
            for (Cadence k : cadences) {
                if (k.anchor() == Anchor.AFTER_END) {
                    schedule(k, rules.calendar().plus(c.endedOn(), k.first()), null, scheduler);
                }
            }
        }
    }

    @DeadlineHandler
    void deadlineReached(DeadlinePayload due) {
        deadlines.reached(due).ifPresent(d -> {
            if (d.kind() == DeadlineKind.REASSESSMENT) {
                apply(new ReassessmentDue(followUpId, caseId, d.id(), d.rule(), d.dueOn()));
            } else {
                apply(new FollowUpDue(followUpId, caseId, d.id(), FollowUpKind.valueOf(d.kind().name()), d.rule(), d.dueOn()));
            }
        });
    }

    private void schedule(Cadence cadence, LocalDate dueOn, LocalDate windowOpensOn, DeadlineManager scheduler) {
        Deadline deadline = new Deadline(nextDeadlineId(), DeadlineKind.valueOf(cadence.kind().name()), cadence.rule(), dueOn,
                Party.MUNICIPALITY, windowOpensOn);
        deadlines.open(deadline, d -> new FollowUpScheduled(followUpId, caseId, d, cadence), scheduler);
    }

    private DeadlineId nextDeadlineId() {
        return DeadlineId.of(followUpId, String.valueOf(scheduled + 1), null);
    }

    @EventSourcingHandler
    void on(FollowUpPlanStarted e) {
        followUpId = e.followUpId();
        caseId = e.caseId();
        cadences = e.cadences();
        repeatedCancellations = e.repeatedCancellations();
    }

    @EventSourcingHandler
    void on(ServiceStartAnchored e) {
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(FollowUpScheduled e) {
        scheduled++;
        if (e.cadence() != null) {
            setBy.put(e.deadline().id(), e.cadence());
        }
    }

    @EventSourcingHandler
    void on(FollowUpCompleted e) {
        setBy.remove(e.deadlineId());
        cancellationsSinceFollowUp = 0;
    }

    @EventSourcingHandler
    void on(CitizenCancelledAppointment e) {
        cancellationsSinceFollowUp = e.sinceLastFollowUp();
    }

    @EventSourcingHandler
    void on(FollowUpPlanEnded e) {
        ended = true;
        e.closedDeadlineIds().forEach(setBy::remove);
    }
}
