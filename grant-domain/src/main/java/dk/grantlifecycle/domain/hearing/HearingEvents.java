package dk.grantlifecycle.domain.hearing;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.HearingId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * HEARING (partshøring): before a decision against the citizen on facts the citizen has not
 * seen, the citizen is heard; the hearing, its answer deadline and the answer are events of the
 * aggregate that will decide ({@code aggregateId}: the application, or the grant for a later
 * decision).
 */
public final class HearingEvents {

    private HearingEvents() {
    }

    /** An event about one hearing, in the stream of the aggregate that will decide. */
    public sealed interface HearingEvent extends CaseEvent {
        String aggregateId();

        HearingId hearingId();
    }

    @Revision("2")
    public record HearingRequested(CaseId caseId, String aggregateId, HearingId hearingId, LocalDate sentOn, String facts,
                                   Deadline deadline, LocalDate receivedByCitizenOn) implements HearingEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    public record HearingAnswered(CaseId caseId, String aggregateId, HearingId hearingId, LocalDate answeredOn, String answer,
                                  DeadlineId deadlineId) implements HearingEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "the citizen answered on " + answeredOn;
        }
    }

    @Revision("2")
    public record HearingAnswerDeadlinePassed(CaseId caseId, String aggregateId, HearingId hearingId, LocalDate answerDueOn,
                                              DeadlineId deadlineId) implements HearingEvent, DeadlineEvents.Fired {
    }
}
