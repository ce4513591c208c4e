package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

public sealed interface FollowUpEvent extends CaseEvent {

    FollowUpId followUpId();

    @Revision("1")
    record FollowUpPlanStarted(FollowUpId followUpId, GrantId grantId, CaseId caseId, Paragraph paragraph,
                               LocalDate grantedOn, List<Cadence> cadences, LocalDate validUntil,
                               Integer repeatedCancellations) implements FollowUpEvent {
    }

    @Revision("2")
    record ServiceStartAnchored(FollowUpId followUpId, CaseId caseId, LocalDate startedOn) implements FollowUpEvent {
    }

    /**
     * A follow-up deadline runs; {@code cadence} is the cadence that set it, so a completed follow-up
     * restarts it (null for a review after repeated cancellations, which has no cadence).
     */
    @Revision("2")
    record FollowUpScheduled(FollowUpId followUpId, CaseId caseId, Deadline deadline, Cadence cadence)
            implements FollowUpEvent, DeadlineEvents.Opened {
    }

    /** The design card's "12-week reassessment due": a reassessment's due date has come. */
    @Revision("2")
    record ReassessmentDue(FollowUpId followUpId, CaseId caseId, DeadlineId deadlineId, RuleId ruleId, LocalDate dueOn)
            implements FollowUpEvent, DeadlineEvents.Fired {
    }

    @Revision("2")
    record FollowUpDue(FollowUpId followUpId, CaseId caseId, DeadlineId deadlineId, FollowUpKind kind, RuleId ruleId,
                       LocalDate dueOn) implements FollowUpEvent, DeadlineEvents.Fired {
    }

    @Revision("2")
    record FollowUpCompleted(FollowUpId followUpId, CaseId caseId, DeadlineId deadlineId, LocalDate completedOn, String note)
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

    @Revision("2")
    record CitizenCancelledAppointment(FollowUpId followUpId, CaseId caseId, LocalDate cancelledOn, int sinceLastFollowUp)
            implements FollowUpEvent {
    }

    @Revision("2")
    record FollowUpPlanEnded(FollowUpId followUpId, CaseId caseId, LocalDate endedOn, String reason,
                             List<DeadlineId> closedDeadlineIds) implements FollowUpEvent, DeadlineEvents.ClosedMany {
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
