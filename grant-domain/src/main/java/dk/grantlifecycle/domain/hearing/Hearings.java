package dk.grantlifecycle.domain.hearing;

import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswerDeadlinePassed;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswered;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The hearings of one aggregate, held as its aggregate member (it sources its own state from the
 * hearing events). A decision against the citizen on facts the citizen has not seen needs a
 * hearing that was answered or whose answer deadline has passed (HEARING).
 */
public final class Hearings {

    public static final String DEADLINE = "hearing-answer";

    private record Hearing(LocalDate answerDueOn, String deadlineKey, String scheduleId, boolean settled) {
    }

    private final Map<String, Hearing> hearings = new LinkedHashMap<>();

    public void request(String caseId, String hearingId, LocalDate sentOn, LocalDate answerBy, Period usual, String facts,
                        LegalCalendar calendar, DeadlineManager deadlines) {
        RuleViolation.require(hearingId != null && !hearings.containsKey(hearingId), "HEARING", "hearingId",
                "a new hearing needs a new id");
        RuleViolation.require(sentOn != null, "HEARING", "sentOn", "is required");
        RuleViolation.require(facts != null && !facts.isBlank(), "HEARING", "facts", "name the facts the citizen is heard on");
        LocalDate due = answerBy != null ? answerBy : calendar.plus(sentOn, usual);
        RuleViolation.require(due.isAfter(sentOn), "HEARING", "answerBy", "the citizen gets time to answer");
        String key = caseId + "/hearing/" + hearingId;
        String scheduleId = deadlines.schedule(Copenhagen.startOf(calendar.dayAfter(due)), DEADLINE, new DeadlinePayload(key, due));
        apply(new HearingRequested(caseId, hearingId, sentOn, due, facts, key, scheduleId));
    }

    public void answer(String caseId, String hearingId, LocalDate answeredOn, String answer, DeadlineManager deadlines) {
        Hearing h = hearings.get(hearingId);
        InvalidState.check(h != null, "no hearing " + hearingId);
        RuleViolation.require(answeredOn != null, "HEARING", "answeredOn", "is required");
        apply(new HearingAnswered(caseId, hearingId, answeredOn, answer, h.deadlineKey()));
        deadlines.cancelSchedule(DEADLINE, h.scheduleId());
    }

    public void deadlinePassed(String caseId, DeadlinePayload due) {
        hearings.entrySet().stream()
                .filter(e -> e.getValue().deadlineKey().equals(due.deadlineKey()) && !e.getValue().settled())
                .findFirst()
                .ifPresent(e -> apply(new HearingAnswerDeadlinePassed(caseId, e.getKey(), e.getValue().answerDueOn(),
                        due.deadlineKey())));
    }

    /** HEARING: a decision on facts the citizen has not seen waits for the citizen's answer or its deadline. */
    public void assertHeard(boolean factsNotSeenByCitizen, String field) {
        if (factsNotSeenByCitizen) {
            RuleViolation.require(hearings.values().stream().anyMatch(Hearing::settled), "HEARING", field,
                    "the citizen is heard (partshøring) on facts not yet seen before a decision against the citizen");
        }
    }

    @EventSourcingHandler
    void on(HearingRequested e) {
        hearings.put(e.hearingId(), new Hearing(e.answerDueOn(), e.deadlineKey(), e.scheduleId(), false));
    }

    @EventSourcingHandler
    void on(HearingAnswered e) {
        settle(e.hearingId());
    }

    @EventSourcingHandler
    void on(HearingAnswerDeadlinePassed e) {
        settle(e.hearingId());
    }

    private void settle(String hearingId) {
        hearings.computeIfPresent(hearingId, (k, h) -> new Hearing(h.answerDueOn(), h.deadlineKey(), h.scheduleId(), true));
    }
}
