package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionReceiptRecorded;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.EffectSuspendedPendingAppeal;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionTookEffect;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One decision on a grant line, an entity of the grant: what kind of decision it is, until when
 * the citizen may complain about it (COMPLAINT-WINDOW), and for a reduction or an ending, when it
 * takes effect (NOTICE-3A-14W) and whether an appeal holds the effect back. Its state changes only
 * through the events that name it.
 */
final class Decision {

    enum Kind { GRANT, REJECTION, INCREASE, REDUCTION, TERMINATION, WRITTEN, CHANGE_IN_FAVOUR }

    /** Where the effect of a reduction or an ending stands. */
    enum Effect { NONE, PENDING, HELD, DONE, REVOKED }

    @EntityId
    private final DecisionId decisionId;
    private final Kind kind;
    private final LocalDate decidedOn;
    private final RuleId noticeRule;
    private LocalDate effectiveOn;
    private final GrantTerms newTerms;
    private final GrantTerms previousTerms;
    private final EndReason endReason;
    private final boolean declinesAfterCare;
    private final boolean waitsForAppeal;
    private LocalDate windowEndsOn;
    private Effect effect = Effect.NONE;
    private LocalDate confirmedReceipt;
    private String receiptMessageId;

    private Decision(DecisionId decisionId, Kind kind, LocalDate decidedOn, RuleId noticeRule, LocalDate effectiveOn,
                     GrantTerms newTerms, GrantTerms previousTerms, EndReason endReason, boolean declinesAfterCare,
                     boolean waitsForAppeal) {
        this.decisionId = decisionId;
        this.kind = kind;
        this.decidedOn = decidedOn;
        this.noticeRule = noticeRule;
        this.effectiveOn = effectiveOn;
        this.newTerms = newTerms;
        this.previousTerms = previousTerms;
        this.endReason = endReason;
        this.declinesAfterCare = declinesAfterCare;
        this.waitsForAppeal = waitsForAppeal;
    }

    static Decision of(DecisionId id, Kind kind, LocalDate decidedOn) {
        return new Decision(id, kind, decidedOn, null, null, null, null, null, false, false);
    }

    static Decision reduction(DecisionId id, LocalDate decidedOn, RuleId noticeRule, LocalDate effectiveOn, GrantTerms newTerms,
                              GrantTerms current) {
        return new Decision(id, Kind.REDUCTION, decidedOn, noticeRule, effectiveOn, newTerms, current, null, false, false);
    }

    static Decision termination(DecisionId id, LocalDate decidedOn, RuleId noticeRule, LocalDate effectiveOn, EndReason reason,
                                boolean declinesAfterCare, boolean waitsForAppeal) {
        return new Decision(id, Kind.TERMINATION, decidedOn, noticeRule, effectiveOn, null, null, reason, declinesAfterCare,
                waitsForAppeal);
    }

    DecisionId id() {
        return decisionId;
    }

    Kind kind() {
        return kind;
    }

    /** A reduction or an ending: it changes the service from its effective date. */
    boolean changesTheService() {
        return kind == Kind.REDUCTION || kind == Kind.TERMINATION;
    }

    boolean isEnding() {
        return kind == Kind.TERMINATION;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    /** The receipt a confirmation recorded, or null while it is only presumed. */
    LocalDate confirmedReceipt() {
        return confirmedReceipt;
    }

    String receiptMessageId() {
        return receiptMessageId;
    }

    RuleId noticeRule() {
        return noticeRule;
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    GrantTerms newTerms() {
        return newTerms;
    }

    GrantTerms previousTerms() {
        return previousTerms;
    }

    EndReason endReason() {
        return endReason;
    }

    boolean declinesAfterCare() {
        return declinesAfterCare;
    }

    /** BPA-SUSPENSIVE: an upheld ending waits for Ankestyrelsen's decision. */
    boolean waitsForAppeal() {
        return waitsForAppeal;
    }

    LocalDate windowEndsOn() {
        return windowEndsOn;
    }

    boolean effectPending() {
        return effect == Effect.PENDING;
    }

    boolean effectHeld() {
        return effect == Effect.HELD;
    }

    /** Not yet in effect and not revoked: the decision can still be suspended or revoked. */
    boolean effectOutstanding() {
        return effect == Effect.PENDING || effect == Effect.HELD;
    }

    boolean revoked() {
        return effect == Effect.REVOKED;
    }

    DeadlineId windowDeadline(GrantId grant) {
        return DeadlineId.of(grant, "complaint-window", decisionId);
    }

    DeadlineId effectDeadline(GrantId grant) {
        return DeadlineId.of(grant, "effect", decisionId);
    }

    @EventSourcingHandler
    void on(ComplaintWindowOpened e) {
        windowEndsOn = e.deadline().dueOn();
    }

    @EventSourcingHandler
    void on(DecisionReceiptRecorded e) {
        confirmedReceipt = e.receivedOn();
        receiptMessageId = e.messageId();
        for (Deadline moved : e.movedDeadlines()) {
            if (moved.kind() == DeadlineKind.COMPLAINT_WINDOW) {
                windowEndsOn = moved.dueOn();
            } else if (moved.kind() == DeadlineKind.NOTICE_EFFECTIVE) {
                effectiveOn = moved.dueOn();
            }
        }
    }

    @EventSourcingHandler
    void on(ReductionNoticeGiven e) {
        effect = Effect.PENDING;
    }

    @EventSourcingHandler
    void on(EffectSuspendedPendingAppeal e) {
        effect = Effect.HELD;
    }

    @EventSourcingHandler
    void on(ReductionTookEffect e) {
        effect = Effect.DONE;
    }

    @EventSourcingHandler
    void on(GrantEnded e) {
        effect = Effect.DONE;
    }

    @EventSourcingHandler
    void on(DecisionRevoked e) {
        effect = Effect.REVOKED;
    }

    private List<Object> state() {
        return Arrays.asList(decisionId, kind, decidedOn, noticeRule, effectiveOn, newTerms, previousTerms, endReason,
                declinesAfterCare, waitsForAppeal, windowEndsOn, effect, confirmedReceipt, receiptMessageId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision other && state().equals(other.state());
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }
}
