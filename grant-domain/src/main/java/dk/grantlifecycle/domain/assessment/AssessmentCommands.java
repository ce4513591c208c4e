package dk.grantlifecycle.domain.assessment;

import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    public record StartAssessment(@TargetAggregateIdentifier AssessmentId assessmentId, ApplicationId applicationId,
                                  MunicipalityId municipality, LocalDate startedOn) {
    }

    /**
     * The VUM assessment is completed: a level 0-4 or NOT_ASSESSED per theme (VUM-SCALE,
     * VUM-THEMES), the documentation gathered and whether it was made with the citizen
     * (VUM-EVIDENCE).
     */
    public record CompleteAssessment(@TargetAggregateIdentifier AssessmentId assessmentId, LocalDate completedOn,
                                     Map<String, VumLevel> scores, List<Evidence> evidence, boolean madeWithCitizen,
                                     String withoutCitizenReason, @TargetAggregateVersion Long expectedVersion) {
    }
}
