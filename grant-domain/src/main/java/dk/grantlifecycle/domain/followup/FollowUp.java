package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.followup.FollowUpCommands.*;
import dk.grantlifecycle.domain.followup.FollowUpEvent.*;
import dk.grantlifecycle.domain.rules.FollowUpKind;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules.Anchor;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static final String DEADLINE = "follow-up-due";
    private static final String REPEATED_CANCEL_RULE = "SEL104-REPEATED-CANCEL";

    @AggregateIdentifier
    private FollowUpId followUpId;
    private String caseId;
    private List<Cadence> cadences = List.of();
    private Integer repeatedCancellations;
    private LocalDate startedOn;
    private boolean ended;
    private int scheduled;
    private int cancellationsSinceFollowUp;
    private final Map<String, Open> open = new LinkedHashMap<>();

    private record Open(int cadence, FollowUpKind kind, String ruleId, LocalDate dueOn, String scheduleId, boolean fired) {
    }

    protected FollowUp() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartFollowUpPlan c, LegalCalendar calendar, DeadlineManager deadlines) {
        if (followUpId != null) {
            return;
        }
        RuleViolation.require(c.grantedOn() != null, "SEL85-FOLLOWUP-6M", "grantedOn", "is required");
        List<Cadence> plan = c.cadences() == null ? List.of() : List.copyOf(c.cadences());
        apply(new FollowUpPlanStarted(c.followUpId(), c.grantId(), c.caseId(), c.paragraph(), c.grantedOn(), plan,
                c.validUntil(), c.repeatedCancellations()));
        for (int i = 0; i < plan.size(); i++) {
            Cadence k = plan.get(i);
            if (k.anchor() == Anchor.GRANT) {
                schedule(deadlines, i, calendar.plus(c.grantedOn(), k.first()),
                        k.windowOpens() == null ? null : calendar.plus(c.grantedOn(), k.windowOpens()));
            } else if (k.anchor() == Anchor.AGE) {
                schedule(deadlines, i, k.fixedDueOn(), null);
            } else if (k.anchor() == Anchor.BEFORE_END && c.validUntil() != null) {
                schedule(deadlines, i, calendar.minus(c.validUntil(), k.first()), null);
            }
        }
    }

    @CommandHandler
    public void handle(AnchorServiceStart c, LegalCalendar calendar, DeadlineManager deadlines) {
        if (startedOn != null || ended) {
            return;
        }
        apply(new ServiceStartAnchored(followUpId, c.startedOn()));
        for (int i = 0; i < cadences.size(); i++) {
            Cadence k = cadences.get(i);
            if (k.anchor() == Anchor.START) {
                schedule(deadlines, i, calendar.plus(c.startedOn(), k.first()),
                        k.windowOpens() == null ? null : calendar.plus(c.startedOn(), k.windowOpens()));
            }
        }
    }

    @CommandHandler
    public void handle(CompleteFollowUp c, LegalCalendar calendar, DeadlineManager deadlines) {
        Open o = open.get(c.deadlineKey());
        RuleViolation.require(o != null, "SEL85-FOLLOWUP-6M", "deadlineKey", "no open follow-up '" + c.deadlineKey() + "'");
        RuleViolation.require(c.completedOn() != null, o.ruleId(), "completedOn", "is required");
        apply(new FollowUpCompleted(followUpId, c.deadlineKey(), c.completedOn(), c.note()));
        deadlines.cancelSchedule(DEADLINE, o.scheduleId());
        Cadence k = o.cadence() >= 0 ? cadences.get(o.cadence()) : null;
        if (k != null && k.every() != null && !ended) {
            schedule(deadlines, o.cadence(), calendar.plus(c.completedOn(), k.every()), null);
        }
    }

    @CommandHandler
    public void handle(RecordCancellationByCitizen c, DeadlineManager deadlines) {
        InvalidState.check(!ended, "the follow-up plan has ended");
        int count = cancellationsSinceFollowUp + 1;
        apply(new CitizenCancelledAppointment(followUpId, c.cancelledOn(), count));
        boolean reviewOpen = open.values().stream().anyMatch(o -> o.kind() == FollowUpKind.CANCELLATION_REVIEW);
        if (repeatedCancellations != null && count >= repeatedCancellations && !reviewOpen) {
            String key = followUpId + "/" + (scheduled + 1);
            String scheduleId = deadlines.schedule(Copenhagen.startOf(c.cancelledOn()), DEADLINE,
                    new DeadlinePayload(key, c.cancelledOn()));
            apply(new FollowUpScheduled(followUpId, caseId, key, FollowUpKind.CANCELLATION_REVIEW, REPEATED_CANCEL_RULE,
                    c.cancelledOn(), null, -1, scheduleId));
        }
    }

    @CommandHandler
    public void handle(EndFollowUpPlan c, LegalCalendar calendar, DeadlineManager deadlines) {
        if (ended) {
            return;
        }
        List<String> closed = new ArrayList<>(open.keySet());
        List<String> schedules = open.values().stream().map(Open::scheduleId).toList();
        apply(new FollowUpPlanEnded(followUpId, c.endedOn(), c.reason(), closed));
        schedules.forEach(id -> deadlines.cancelSchedule(DEADLINE, id));
        if (!c.citizenDeclinesAfterCare()) {
            for (int i = 0; i < cadences.size(); i++) {
                if (cadences.get(i).anchor() == Anchor.AFTER_END) {
                    schedule(deadlines, i, calendar.plus(c.endedOn(), cadences.get(i).first()), null);
                }
            }
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void due(DeadlinePayload due) {
        Open o = open.get(due.deadlineKey());
        if (o == null || o.fired()) {
            return;
        }
        if (o.kind() == FollowUpKind.REASSESSMENT) {
            apply(new ReassessmentDue(followUpId, due.deadlineKey(), o.ruleId(), o.dueOn()));
        } else {
            apply(new FollowUpDue(followUpId, due.deadlineKey(), o.kind(), o.ruleId(), o.dueOn()));
        }
    }

    private void schedule(DeadlineManager deadlines, int cadence, LocalDate dueOn, LocalDate windowOpensOn) {
        Cadence k = cadences.get(cadence);
        String key = followUpId + "/" + (scheduled + 1);
        String scheduleId = deadlines.schedule(Copenhagen.startOf(dueOn), DEADLINE, new DeadlinePayload(key, dueOn));
        apply(new FollowUpScheduled(followUpId, caseId, key, k.kind(), k.rule(), dueOn, windowOpensOn, cadence, scheduleId));
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
        open.put(e.deadlineKey(), new Open(e.cadence(), e.kind(), e.ruleId(), e.dueOn(), e.scheduleId(), false));
    }

    @EventSourcingHandler
    void on(ReassessmentDue e) {
        fired(e.deadlineKey());
    }

    @EventSourcingHandler
    void on(FollowUpDue e) {
        fired(e.deadlineKey());
    }

    private void fired(String key) {
        open.computeIfPresent(key, (k, o) -> new Open(o.cadence(), o.kind(), o.ruleId(), o.dueOn(), o.scheduleId(), true));
    }

    @EventSourcingHandler
    void on(FollowUpCompleted e) {
        if (open.remove(e.deadlineKey()) != null) {
            cancellationsSinceFollowUp = 0;
        }
    }

    @EventSourcingHandler
    void on(CitizenCancelledAppointment e) {
        cancellationsSinceFollowUp = e.sinceLastFollowUp();
    }

    @EventSourcingHandler
    void on(FollowUpPlanEnded e) {
        ended = true;
        e.closedDeadlineKeys().forEach(open::remove);
    }
}
