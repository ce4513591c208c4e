package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantEvent.*;

import java.util.Arrays;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The complaints about a grant line's decisions and where each one stands; an aggregate member of the grant. */
final class Complaints {

    static final String RECONSIDERATION_DEADLINE = "complaint-reconsideration";
    static final String ESCALATION_DEADLINE = "complaint-escalation";

    enum Status { AWAITING_RECONSIDERATION, NOT_APPEALABLE, CHANGED_IN_FAVOUR, AT_ANKESTYRELSEN, APPEAL_DECIDED }

    static final class Complaint {
        final String id;
        final DecisionId decisionId;
        Status status = Status.AWAITING_RECONSIDERATION;
        String reconsiderationKey;
        String reconsiderationSchedule;
        boolean reconsiderationFired;
        String escalationKey;
        String escalationSchedule;
        boolean escalationFired;
        boolean suspended;

        Complaint(String id, DecisionId decisionId) {
            this.id = id;
            this.decisionId = decisionId;
        }

        boolean pending() {
            return status == Status.AWAITING_RECONSIDERATION || status == Status.AT_ANKESTYRELSEN;
        }

        private List<Object> state() {
            return Arrays.asList(id, decisionId, status, reconsiderationKey, reconsiderationSchedule, reconsiderationFired,
                    escalationKey, escalationSchedule, escalationFired, suspended);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Complaint other && state().equals(other.state());
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }
    }

    private final Map<String, Complaint> complaints = new LinkedHashMap<>();

    Optional<Complaint> get(String id) {
        return Optional.ofNullable(complaints.get(id));
    }

    boolean exists(String id) {
        return complaints.containsKey(id);
    }

    /** A pending complaint about the decision that holds its effect back, if any. */
    Optional<Complaint> holding(DecisionId decision, boolean endingWaitsForAppeal) {
        return complaints.values().stream()
                .filter(c -> c.decisionId.equals(decision) && c.pending())
                .filter(c -> c.suspended || endingWaitsForAppeal && c.status == Status.AT_ANKESTYRELSEN)
                .findFirst();
    }

    Optional<Complaint> byReconsiderationKey(String key) {
        return complaints.values().stream().filter(c -> key.equals(c.reconsiderationKey)).findFirst();
    }

    Optional<Complaint> byEscalationKey(String key) {
        return complaints.values().stream().filter(c -> key.equals(c.escalationKey)).findFirst();
    }

    @EventSourcingHandler
    void on(ComplaintReceived e) {
        complaints.put(e.complaintId(), new Complaint(e.complaintId(), e.decisionId()));
    }

    @EventSourcingHandler
    void on(ComplaintNotAppealable e) {
        complaints.get(e.complaintId()).status = Status.NOT_APPEALABLE;
    }

    @EventSourcingHandler
    void on(ReconsiderationDeadlineSet e) {
        Complaint c = complaints.get(e.complaintId());
        c.reconsiderationKey = e.deadlineKey();
        c.reconsiderationSchedule = e.scheduleId();
    }

    @EventSourcingHandler
    void on(ReconsiderationDue e) {
        complaints.get(e.complaintId()).reconsiderationFired = true;
    }

    @EventSourcingHandler
    void on(ComplaintReconsidered e) {
        complaints.get(e.complaintId()).status = e.outcome() == ReconsiderationOutcome.CHANGED_IN_FAVOUR
                ? Status.CHANGED_IN_FAVOUR : Status.AT_ANKESTYRELSEN;
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedToAnkestyrelsen e) {
        Complaint c = complaints.get(e.complaintId());
        c.status = Status.AT_ANKESTYRELSEN;
        c.escalationKey = e.deadlineKey();
        c.escalationSchedule = e.scheduleId();
    }

    @EventSourcingHandler
    void on(AppealDecisionOverdue e) {
        complaints.get(e.complaintId()).escalationFired = true;
    }

    @EventSourcingHandler
    void on(AppealDecided e) {
        complaints.get(e.complaintId()).status = Status.APPEAL_DECIDED;
    }

    @EventSourcingHandler
    void on(SuspensionGrantedByAnkestyrelsen e) {
        complaints.get(e.complaintId()).suspended = true;
    }
}
