package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlinePayload;
import org.axonframework.deadline.DeadlineManager;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The decisions of one grant line and what hangs on each: its complaint window (COMPLAINT-WINDOW,
 * counted by DEADLINE-COUNT from receipt) and, for a reduction or an ending, the date it takes
 * effect (NOTICE-3A-14W) and whether that effect is held back by an appeal.
 */
final class DecisionLog {

    static final String WINDOW_DEADLINE = "complaint-window";
    static final String EFFECT_DEADLINE = "decision-effect";

    enum Kind { GRANT, REJECTION, INCREASE, REDUCTION, TERMINATION, WRITTEN, CHANGE_IN_FAVOUR }

    static final class Entry {
        final DecisionId id;
        final Kind kind;
        LocalDate windowEndsOn;
        String windowKey;
        String windowSchedule;
        boolean windowOpen;
        String noticeRule;
        LocalDate effectiveOn;
        String effectKey;
        String effectSchedule;
        boolean effectPending;
        boolean effectHeld;
        boolean revoked;
        boolean waitsForAppeal;
        GrantTerms newTerms;
        GrantTerms previousTerms;
        EndReason endReason;
        boolean declinesAfterCare;

        Entry(DecisionId id, Kind kind) {
            this.id = id;
            this.kind = kind;
        }

        boolean changesTheService() {
            return kind == Kind.REDUCTION || kind == Kind.TERMINATION;
        }

        private List<Object> state() {
            return Arrays.asList(id, kind, windowEndsOn, windowKey, windowSchedule, windowOpen, noticeRule, effectiveOn,
                    effectKey, effectSchedule, effectPending, effectHeld, revoked, waitsForAppeal, newTerms, previousTerms,
                    endReason, declinesAfterCare);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && state().equals(other.state());
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }
    }

    private final Map<DecisionId, Entry> entries = new LinkedHashMap<>();

    Optional<Entry> get(DecisionId id) {
        return Optional.ofNullable(entries.get(id));
    }

    Optional<Entry> byEffectKey(String key) {
        return entries.values().stream().filter(e -> key.equals(e.effectKey)).findFirst();
    }

    Optional<Entry> byWindowKey(String key) {
        return entries.values().stream().filter(e -> key.equals(e.windowKey)).findFirst();
    }

    boolean endingPending() {
        return entries.values().stream().anyMatch(e -> e.kind == Kind.TERMINATION && !e.revoked && (e.effectPending || e.effectHeld));
    }

    /** COMPLAINT-WINDOW: the citizen may complain until the window's last day, counted from receipt (DEADLINE-COUNT). */
    void openWindow(GrantId grant, String caseId, DecisionId decision, LocalDate receivedOn, General general,
                    LegalCalendar calendar, DeadlineManager deadlines) {
        LocalDate endsOn = calendar.deadlineAfterReceipt(receivedOn, general.complaintWindow());
        String key = grant + "/complaint-window/" + decision;
        String schedule = deadlines.schedule(Copenhagen.startOf(calendar.dayAfter(endsOn)), WINDOW_DEADLINE,
                new DeadlinePayload(key, endsOn));
        apply(new ComplaintWindowOpened(grant, caseId, decision, receivedOn, endsOn, key, schedule));
    }

    void closeWindow(GrantId grant, Entry e, String reason, DeadlineManager deadlines) {
        if (e.windowOpen) {
            String schedule = e.windowSchedule;
            apply(new ComplaintWindowClosed(grant, e.id, e.windowKey, reason));
            deadlines.cancelSchedule(WINDOW_DEADLINE, schedule);
        }
    }

    /** The reduction or ending takes effect later: a NOTICE_EFFECTIVE deadline runs until then. */
    void scheduleEffect(GrantId grant, String caseId, DecisionId decision, LocalDate receivedOn, LocalDate effectiveOn,
                        String rule, DeadlineManager deadlines) {
        String key = grant + "/effect/" + decision;
        String schedule = deadlines.schedule(Copenhagen.startOf(effectiveOn), EFFECT_DEADLINE, new DeadlinePayload(key, effectiveOn));
        apply(new ReductionNoticeGiven(grant, caseId, decision, receivedOn, effectiveOn, rule, key, schedule));
    }

    void on(Opened e) {
        entries.put(e.decisionId(), new Entry(e.decisionId(), e instanceof ServiceGranted ? Kind.GRANT : Kind.REJECTION));
    }

    void on(WrittenDecisionIssued e) {
        entries.put(e.decisionId(), new Entry(e.decisionId(), Kind.WRITTEN));
    }

    void on(ScopeIncreased e) {
        entries.put(e.decisionId(), new Entry(e.decisionId(), Kind.INCREASE));
    }

    void on(ScopeReduced e, GrantTerms current) {
        Entry entry = new Entry(e.decisionId(), Kind.REDUCTION);
        entry.noticeRule = e.noticeRule();
        entry.effectiveOn = e.effectiveOn();
        entry.newTerms = e.terms();
        entry.previousTerms = current;
        entries.put(e.decisionId(), entry);
    }

    void on(GrantTerminated e) {
        Entry entry = new Entry(e.decisionId(), Kind.TERMINATION);
        entry.noticeRule = e.noticeRule();
        entry.effectiveOn = e.effectiveOn();
        entry.endReason = e.reason();
        entry.declinesAfterCare = e.citizenDeclinesAfterCare();
        entry.waitsForAppeal = e.endingWaitsForAppeal();
        entries.put(e.decisionId(), entry);
    }

    void on(DecisionChangedInFavour e) {
        entries.put(e.newDecisionId(), new Entry(e.newDecisionId(), Kind.CHANGE_IN_FAVOUR));
    }

    void on(ComplaintWindowOpened e) {
        Entry entry = entries.get(e.decisionId());
        entry.windowEndsOn = e.endsOn();
        entry.windowKey = e.deadlineKey();
        entry.windowSchedule = e.scheduleId();
        entry.windowOpen = true;
    }

    void on(ComplaintWindowClosed e) {
        entries.get(e.decisionId()).windowOpen = false;
    }

    void on(ReductionNoticeGiven e) {
        Entry entry = entries.get(e.decisionId());
        entry.effectKey = e.deadlineKey();
        entry.effectSchedule = e.scheduleId();
        entry.effectPending = true;
    }

    void on(EffectSuspendedPendingAppeal e) {
        Entry entry = entries.get(e.decisionId());
        entry.effectPending = false;
        entry.effectHeld = true;
    }

    void tookEffect(DecisionId decision) {
        Entry entry = entries.get(decision);
        entry.effectPending = false;
        entry.effectHeld = false;
    }

    void on(DecisionRevoked e) {
        Entry entry = entries.get(e.decisionId());
        entry.revoked = true;
        entry.effectPending = false;
        entry.effectHeld = false;
    }
}
