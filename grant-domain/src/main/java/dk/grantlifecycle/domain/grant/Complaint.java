package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecided;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintEscalatedToAnkestyrelsen;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintNotAppealable;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintReconsidered;
import dk.grantlifecycle.domain.grant.GrantEvent.SuspensionGrantedByAnkestyrelsen;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Arrays;
import java.util.List;

/**
 * A complaint about one decision of the grant line, an entity of the grant: where it stands in
 * the municipality's reconsideration and at Ankestyrelsen, and whether Ankestyrelsen has given it
 * suspensive effect. Its state changes only through the events that name it.
 */
final class Complaint {

    enum Status { AWAITING_RECONSIDERATION, NOT_APPEALABLE, CHANGED_IN_FAVOUR, AT_ANKESTYRELSEN, APPEAL_DECIDED }

    @EntityId
    private final ComplaintId complaintId;
    private final DecisionId decisionId;
    private final boolean late;
    private Status status = Status.AWAITING_RECONSIDERATION;
    private boolean suspended;

    Complaint(ComplaintId complaintId, DecisionId decisionId, boolean late) {
        this.complaintId = complaintId;
        this.decisionId = decisionId;
        this.late = late;
    }

    ComplaintId id() {
        return complaintId;
    }

    DecisionId decisionId() {
        return decisionId;
    }

    boolean awaitingReconsideration() {
        return status == Status.AWAITING_RECONSIDERATION;
    }

    boolean atAnkestyrelsen() {
        return status == Status.AT_ANKESTYRELSEN;
    }

    boolean pending() {
        return awaitingReconsideration() || atAnkestyrelsen();
    }

    /** Received after the complaint window had closed (COMPLAINT-WINDOW): recorded, but it holds nothing back. */
    boolean late() {
        return late;
    }

    /** COMPLAINT-NO-SUSPENSION: Ankestyrelsen gave the complaint suspensive effect. */
    boolean suspended() {
        return suspended;
    }

    DeadlineId reconsiderationDeadline(GrantId grant) {
        return DeadlineId.of(grant, "reconsideration", complaintId);
    }

    DeadlineId escalationDeadline(GrantId grant) {
        return DeadlineId.of(grant, "escalation", complaintId);
    }

    @EventSourcingHandler
    void on(ComplaintNotAppealable e) {
        status = Status.NOT_APPEALABLE;
    }

    @EventSourcingHandler
    void on(ComplaintReconsidered e) {
        status = e.outcome() == ReconsiderationOutcome.CHANGED_IN_FAVOUR ? Status.CHANGED_IN_FAVOUR : Status.AT_ANKESTYRELSEN;
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedToAnkestyrelsen e) {
        status = Status.AT_ANKESTYRELSEN;
    }

    @EventSourcingHandler
    void on(AppealDecided e) {
        status = Status.APPEAL_DECIDED;
    }

    @EventSourcingHandler
    void on(SuspensionGrantedByAnkestyrelsen e) {
        suspended = true;
    }

    private List<Object> state() {
        return Arrays.asList(complaintId, decisionId, late, status, suspended);
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
