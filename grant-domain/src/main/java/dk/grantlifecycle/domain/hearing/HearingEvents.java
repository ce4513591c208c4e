package dk.grantlifecycle.domain.hearing;

import dk.grantlifecycle.domain.shared.DeadlineEvents;
import dk.grantlifecycle.domain.shared.DeadlineKind;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * HEARING (partshøring): before a decision against the citizen on facts the citizen has not
 * seen, the citizen is heard; the hearing, its answer deadline and the answer are events of the
 * aggregate that will decide (the application, or the grant for a later decision).
 */
public final class HearingEvents {

    private HearingEvents() {
    }

    @Revision("1")
    public record HearingRequested(String caseId, String hearingId, LocalDate sentOn, LocalDate answerDueOn, String facts,
                                   String deadlineKey, String scheduleId) implements DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.HEARING_ANSWER;
        }

        @Override
        public LocalDate dueOn() {
            return answerDueOn;
        }

        @Override
        public String ruleId() {
            return "HEARING";
        }
    }

    @Revision("1")
    public record HearingAnswered(String caseId, String hearingId, LocalDate answeredOn, String answer, String deadlineKey)
            implements DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "the citizen answered on " + answeredOn;
        }
    }

    @Revision("1")
    public record HearingAnswerDeadlinePassed(String caseId, String hearingId, LocalDate answerDueOn, String deadlineKey)
            implements DeadlineEvents.Fired {
    }
}
