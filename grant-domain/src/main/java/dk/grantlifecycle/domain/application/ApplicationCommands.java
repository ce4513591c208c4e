package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.assessment.AssessmentId;
import dk.grantlifecycle.domain.grant.DecisionContent;
import dk.grantlifecycle.domain.grant.Delivery;
import dk.grantlifecycle.domain.grant.DecisionId;
import dk.grantlifecycle.domain.grant.GrantId;
import dk.grantlifecycle.domain.grant.GrantTerms;
import dk.grantlifecycle.domain.grant.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.rules.Fact;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What caseworkers' workflows and the case process ask of an application. */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /**
     * An application (ansøgning or henvendelse) arrives from the citizen or a partner.
     *
     * @param facts what is known at receipt, e.g. RECEIVES_STATE_PENSION or FREE_CHOICE_OF_TREATMENT_PROVIDER
     */
    public record ReceiveApplication(@TargetAggregateIdentifier ApplicationId applicationId, CitizenId citizenId,
                                     @PersonalData CitizenIdentity citizen, MunicipalityId municipality,
                                     Paragraph paragraph, List<RequestedService> services, ApplicationSource source,
                                     boolean acute, LocalDate receivedOn, String team, Set<Fact> facts) {
    }

    public record AssignCaseworker(@TargetAggregateIdentifier ApplicationId applicationId, String team,
                                   String caseworker, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Screening ends the case by referring the citizen elsewhere (§ 83, health care, KUI, ...). */
    public record ReferElsewhere(@TargetAggregateIdentifier ApplicationId applicationId, String referredTo,
                                 String reason, List<String> ruleIds, LocalDate referredOn,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /** CASE-ACUTE: support started right after receipt, before the decision. */
    public record StartAcuteSupport(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate startedOn,
                                    String description) {
    }

    /** The case process attaches a completed assessment; the decision is judged on its scores. */
    public record AttachAssessment(@TargetAggregateIdentifier ApplicationId applicationId, AssessmentId assessmentId,
                                   Map<String, VumLevel> scores, LocalDate completedOn) {
    }

    /**
     * The decision (afgørelse) on the application: one outcome per requested service.
     *
     * @param facts                 the caseworker's findings (see {@link Fact})
     * @param activeParagraphs      paragraphs under which the citizen already receives help (EXCL-*)
     * @param delivery              how the decision was sent and, if known, received (RECEIPT)
     * @param factsNotSeenByCitizen the decision rests on facts the citizen has not seen (HEARING)
     */
    public record DecideApplication(@TargetAggregateIdentifier ApplicationId applicationId, DecisionId decisionId,
                                    LocalDate decidedOn, List<OutcomeRequest> outcomes, Set<Fact> facts,
                                    Set<Paragraph> activeParagraphs, DecisionContent content, Delivery delivery,
                                    boolean factsNotSeenByCitizen, @TargetAggregateVersion Long expectedVersion) {
    }

    /** The caseworker's outcome for one requested service, identified by its code. */
    public record OutcomeRequest(String serviceCode, GrantId grantId, Outcome outcome, GrantTerms terms, String reason,
                                 List<String> ruleIds) {
    }

    /** CASE-DEADLINE-LETTER: the citizen is told in writing when to expect a decision. */
    public record InformCitizenOfDelay(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate informedOn,
                                       LocalDate expectedDecisionBy, String reason) {
    }

    /** CASE-REMITTED: Ankestyrelsen remitted the case; processing reopens from receipt of its decision. */
    public record ReopenAfterRemittal(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate receivedOn,
                                      String appealReference) {
    }

    /** HEARING: the citizen is heard on facts not yet seen before the decision. */
    public record HearCitizen(@TargetAggregateIdentifier ApplicationId applicationId, String hearingId, LocalDate sentOn,
                              LocalDate answerBy, String facts) {
    }

    public record RecordHearingAnswer(@TargetAggregateIdentifier ApplicationId applicationId, String hearingId,
                                      LocalDate answeredOn, String answer) {
    }

    /** SEL101-GUARANTEE: treatment started (from the grant's service start). */
    public record NoteTreatmentStarted(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate startedOn) {
    }
}
