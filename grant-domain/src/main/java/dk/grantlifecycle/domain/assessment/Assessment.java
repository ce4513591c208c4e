package dk.grantlifecycle.domain.assessment;

import dk.grantlifecycle.domain.assessment.AssessmentCommands.CompleteAssessment;
import dk.grantlifecycle.domain.assessment.AssessmentCommands.StartAssessment;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentCompleted;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentStarted;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A VUM assessment (funktionsevnevurdering): scores per theme and the evidence they rest on. */
@AggregateRoot
public class Assessment {

    @AggregateIdentifier
    private AssessmentId assessmentId;
    private ApplicationId applicationId;
    private MunicipalityId municipality;
    private LocalDate startedOn;
    private boolean completed;

    protected Assessment() {
    }

    @CommandHandler
    public Assessment(StartAssessment c) {
        RuleViolation.require(c.applicationId() != null, RuleId.VUM_EVIDENCE, "applicationId", "an assessment belongs to an application");
        RuleViolation.require(c.startedOn() != null, RuleId.VUM_EVIDENCE, "startedOn", "is required");
        apply(new AssessmentStarted(c.assessmentId(), c.applicationId(), c.municipality(), c.startedOn()));
    }

    @CommandHandler
    public void handle(CompleteAssessment c, RuleBook rules) {
        InvalidState.check(!completed, "the assessment is already completed");
        RuleViolation.require(c.completedOn() != null && !c.completedOn().isBefore(startedOn), RuleId.VUM_EVIDENCE,
                "completedOn", "an assessment is completed on or after it started, " + startedOn);
        General general = rules.general(municipality, c.completedOn());
        Map<String, String> ffb = ffbTerms(general, c.scores());
        assertEvidence(c.evidence());
        RuleViolation.require(c.madeWithCitizen() || (c.withoutCitizenReason() != null && !c.withoutCitizenReason().isBlank()),
                RuleId.VUM_EVIDENCE, "madeWithCitizen", "an assessment is made together with the citizen, or records why not");
        apply(new AssessmentCompleted(assessmentId, applicationId, c.completedOn(), Map.copyOf(c.scores()), ffb,
                List.copyOf(c.evidence()), c.madeWithCitizen(), c.withoutCitizenReason()));
    }

    private static Map<String, String> ffbTerms(General general, Map<String, VumLevel> scores) {
        RuleViolation.require(scores != null && !scores.isEmpty(), RuleId.VUM_SCALE, "scores", "score at least one theme");
        Map<String, String> ffb = new LinkedHashMap<>();
        scores.forEach((theme, level) -> {
            RuleViolation.require(level != null, RuleId.VUM_SCALE, "scores." + theme, "a level 0-4 or NOT_ASSESSED");
            General.Theme t = general.vumThemes().stream().filter(x -> x.code().equals(theme)).findFirst()
                    .orElseThrow(() -> new RuleViolation(RuleId.VUM_THEMES, "scores." + theme, "'" + theme
                            + "' is not a VUM theme; themes: " + general.vumThemes().stream().map(General.Theme::code).toList()));
            ffb.put(theme, t.ffb());
        });
        RuleViolation.require(scores.values().stream().anyMatch(VumLevel::assessed), RuleId.VUM_SCALE, "scores",
                "at least one theme is assessed (not assessed is not 0)");
        return ffb;
    }

    private static void assertEvidence(List<Evidence> evidence) {
        RuleViolation.require(evidence != null, RuleId.VUM_EVIDENCE, "evidence", "record the documentation gathered (may be empty)");
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            RuleViolation.require(e != null && e.source() != null, RuleId.VUM_EVIDENCE, "evidence[" + i + "].source", "is required");
            RuleViolation.require(!e.fromThirdParty() || e.consentGiven(), RuleId.VUM_EVIDENCE, "evidence[" + i + "].consentGiven",
                    "documentation from " + e.source() + " is gathered only with the citizen's consent");
        }
    }

    @EventSourcingHandler
    void on(AssessmentStarted e) {
        assessmentId = e.assessmentId();
        applicationId = e.applicationId();
        municipality = e.municipality();
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(AssessmentCompleted e) {
        completed = true;
    }
}
