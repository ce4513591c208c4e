package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.grant.GrantId;
import dk.grantlifecycle.domain.rules.FollowUpKind;
import dk.grantlifecycle.domain.shared.DeadlineEvents;
import dk.grantlifecycle.domain.shared.DeadlineKind;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

public sealed interface FollowUpEvent {

    FollowUpId followUpId();

    @Revision("1")
    record FollowUpPlanStarted(FollowUpId followUpId, GrantId grantId, String caseId, Paragraph paragraph,
                               LocalDate grantedOn, List<Cadence> cadences, LocalDate validUntil,
                               Integer repeatedCancellations) implements FollowUpEvent {
    }

    @Revision("1")
    record ServiceStartAnchored(FollowUpId followUpId, LocalDate startedOn) implements FollowUpEvent {
    }

    /** A follow-up deadline runs; {@code cadence} is its index in the plan's cadences (-1 for a review). */
    @Revision("1")
    record FollowUpScheduled(FollowUpId followUpId, String caseId, String deadlineKey, FollowUpKind kind, String ruleId,
                             LocalDate dueOn, LocalDate windowOpensOn, int cadence, String scheduleId)
            implements FollowUpEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.valueOf(kind.name());
        }
    }

    /** The design card's "12-week reassessment due": a reassessment's due date has come. */
    @Revision("1")
    record ReassessmentDue(FollowUpId followUpId, String deadlineKey, String ruleId, LocalDate dueOn)
            implements FollowUpEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record FollowUpDue(FollowUpId followUpId, String deadlineKey, FollowUpKind kind, String ruleId, LocalDate dueOn)
            implements FollowUpEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record FollowUpCompleted(FollowUpId followUpId, String deadlineKey, LocalDate completedOn, String note)
            implements FollowUpEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "completed on " + completedOn;
        }
    }

    @Revision("1")
    record CitizenCancelledAppointment(FollowUpId followUpId, LocalDate cancelledOn, int sinceLastFollowUp)
            implements FollowUpEvent {
    }

    @Revision("1")
    record FollowUpPlanEnded(FollowUpId followUpId, LocalDate endedOn, String reason, List<String> closedDeadlineKeys)
            implements FollowUpEvent, DeadlineEvents.ClosedMany {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return reason;
        }
    }
}
