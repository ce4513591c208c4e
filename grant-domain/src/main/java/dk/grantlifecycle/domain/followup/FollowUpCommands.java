package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

public final class FollowUpCommands {

    private FollowUpCommands() {
    }

    /** The case process starts a grant's plan with the cadences of its decision. */
    public record StartFollowUpPlan(@TargetAggregateIdentifier FollowUpId followUpId, GrantId grantId, CaseId caseId,
                                    Paragraph paragraph, LocalDate grantedOn, List<Cadence> cadences,
                                    LocalDate validUntil, Integer repeatedCancellations) {
    }

    /** Cadences counted from the service start begin now. */
    public record AnchorServiceStart(@TargetAggregateIdentifier FollowUpId followUpId, LocalDate startedOn) {
    }

    /** A follow-up or reassessment is done; its cadence restarts from {@code completedOn}. */
    public record CompleteFollowUp(@TargetAggregateIdentifier FollowUpId followUpId, DeadlineId deadlineId,
                                   LocalDate completedOn, String note, @TargetAggregateVersion Long expectedVersion) {
    }

    /** SEL104-REPEATED-CANCEL */
    public record RecordCancellationByCitizen(@TargetAggregateIdentifier FollowUpId followUpId, LocalDate cancelledOn) {
    }

    /** The grant ended: open follow-ups are cancelled; after-care follow-ups start unless the citizen declines them. */
    public record EndFollowUpPlan(@TargetAggregateIdentifier FollowUpId followUpId, LocalDate endedOn, String reason,
                                  boolean citizenDeclinesAfterCare) {
    }
}
