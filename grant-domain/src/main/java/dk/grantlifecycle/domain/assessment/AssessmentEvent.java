package dk.grantlifecycle.domain.assessment;

import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public sealed interface AssessmentEvent extends CaseEvent {

    AssessmentId assessmentId();

    ApplicationId applicationId();

    /** An assessment belongs to the case of the application it assesses. */
    @Override
    default CaseId caseId() {
        return CaseId.of(applicationId());
    }

    @Revision("1")
    record AssessmentStarted(AssessmentId assessmentId, ApplicationId applicationId, MunicipalityId municipality,
                             LocalDate startedOn) implements AssessmentEvent {
    }

    /** {@code ffbTerms} maps each scored theme to its FFB term (VUM-THEMES). */
    @Revision("1")
    record AssessmentCompleted(AssessmentId assessmentId, ApplicationId applicationId, LocalDate completedOn,
                               Map<String, VumLevel> scores, Map<String, String> ffbTerms, List<Evidence> evidence,
                               boolean madeWithCitizen, String withoutCitizenReason) implements AssessmentEvent {
    }
}
