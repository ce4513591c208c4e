package dk.grantlifecycle.domain.hearing;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Deadlines;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswered;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.rules.DecisionRules;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The hearings of one aggregate, held as its aggregate member (it sources its own state from the
 * hearing events). A decision against the citizen on facts the citizen has not seen needs a
 * hearing that was answered or whose answer deadline has passed (HEARING), and names it. The answer
 * deadline is the citizen's: counted from the receipt of the hearing letter, it runs to the end of
 * its last day, which is a hverdag (DEADLINE-COUNT), and gives at least the law file's least time.
 */
public final class Hearings {

    private record Hearing(LocalDate sentOn, DeadlineId deadlineId, LocalDate answerDueOn, boolean answered, boolean passed) {

        boolean settled() {
            return answered || passed;
        }
    }

    private final Map<HearingId, Hearing> hearings = new LinkedHashMap<>();

    /**
     * The aggregate that will decide asks the citizen to answer by {@code answerBy}, or by the usual
     * time; the hearing letter is sent as {@code delivery} says (Digital Post on {@code sentOn} when not given).
     */
    public void request(CaseId caseId, String aggregateId, HearingId hearingId, LocalDate sentOn, LocalDate answerBy,
                        String facts, Delivery delivery, General general, LegalCalendar calendar, Deadlines deadlines,
                        DeadlineManager scheduler) {
        assertNew(hearingId);
        RuleViolation.require(sentOn != null, RuleId.HEARING, "sentOn", "is required");
        RuleViolation.require(facts != null && !facts.isBlank(), RuleId.HEARING, "facts", "name the facts the citizen is heard on");
        LocalDate receivedOn = DecisionRules.sent(delivery, sentOn, general, calendar).receivedOn();
        LocalDate least = calendar.deadlineAfterReceipt(receivedOn, general.hearingMinimum());
        LocalDate due = answerBy != null ? answerBy : calendar.deadlineAfterReceipt(receivedOn, general.hearingAnswer());
        RuleViolation.require(!due.isBefore(least), RuleId.HEARING, "answerBy", "the citizen gets at least "
                + general.hearingMinimum().getDays() + " days from receiving the hearing (" + receivedOn + ") to answer: " + least
                + " at the earliest");
        Deadline deadline = Deadline.of(DeadlineId.of(aggregateId, "hearing", hearingId), DeadlineKind.HEARING_ANSWER,
                RuleId.HEARING, due, Party.CITIZEN);
        deadlines.open(deadline, d -> new HearingRequested(caseId, aggregateId, hearingId, sentOn, facts, d, receivedOn), scheduler);
    }

    /** The citizen's answer: once per hearing, and not dated before the hearing was sent. */
    public void answer(CaseId caseId, String aggregateId, HearingId hearingId, LocalDate answeredOn, String answer,
                       Deadlines deadlines, DeadlineManager scheduler) {
        Hearing h = hearing(hearingId);
        InvalidState.check(!h.answered(), "hearing " + hearingId + " is already answered");
        RuleViolation.require(answeredOn != null, RuleId.HEARING, "answeredOn", "is required");
        RuleViolation.require(!answeredOn.isBefore(h.sentOn()), RuleId.HEARING, "answeredOn",
                "an answer comes on or after the hearing was sent, " + h.sentOn());
        deadlines.close(new HearingAnswered(caseId, aggregateId, hearingId, answeredOn, answer, h.deadlineId()), scheduler);
    }

    /** The answer deadline passed without an answer: the aggregate may now decide. */
    public void deadlinePassed(CaseId caseId, String aggregateId, Deadline deadline) {
        hearings.entrySet().stream()
                .filter(e -> e.getValue().deadlineId().equals(deadline.id()) && !e.getValue().settled())
                .findFirst()
                .ifPresent(e -> apply(new HearingAnswerDeadlinePassed(caseId, aggregateId, e.getKey(), e.getValue().answerDueOn(),
                        deadline.id())));
    }

    /**
     * HEARING: a decision on facts the citizen has not seen names the hearing that covered them
     * ({@code hearingId}), which was answered or whose answer deadline has passed. A hearing named
     * without such facts is checked all the same.
     */
    public void assertHeard(boolean factsNotSeenByCitizen, HearingId hearingId) {
        if (!factsNotSeenByCitizen && hearingId == null) {
            return;
        }
        RuleViolation.require(hearingId != null, RuleId.HEARING, "hearingId",
                "name the hearing (partshøring) on the facts the citizen has not seen, held before a decision against the citizen");
        Hearing h = hearings.get(hearingId);
        RuleViolation.require(h != null, RuleId.HEARING, "hearingId", "there is no hearing " + hearingId + " on this case");
        RuleViolation.require(h.settled(), RuleId.HEARING, "hearingId", "hearing " + hearingId
                + " is neither answered nor past its answer deadline, " + h.answerDueOn());
    }

    private void assertNew(HearingId hearingId) {
        RuleViolation.require(hearingId != null && !hearings.containsKey(hearingId), RuleId.HEARING, "hearingId",
                "a new hearing needs a new id");
    }

    private Hearing hearing(HearingId hearingId) {
        Hearing h = hearings.get(hearingId);
        InvalidState.check(h != null, "no hearing " + hearingId);
        return h;
    }

    @EventSourcingHandler
    void on(HearingEvents.HearingEvent e) {
        if (e instanceof HearingRequested r) {
            hearings.put(r.hearingId(), new Hearing(r.sentOn(), r.deadline().id(), r.deadline().dueOn(), false, false));
        } else if (e instanceof HearingAnswered a) {
            hearings.computeIfPresent(a.hearingId(), (k, h) -> new Hearing(h.sentOn(), h.deadlineId(), h.answerDueOn(), true, h.passed()));
        } else if (e instanceof HearingAnswerDeadlinePassed p) {
            hearings.computeIfPresent(p.hearingId(), (k, h) -> new Hearing(h.sentOn(), h.deadlineId(), h.answerDueOn(), h.answered(), true));
        }
    }
}
