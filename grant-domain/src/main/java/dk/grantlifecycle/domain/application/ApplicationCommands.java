package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import dk.grantlifecycle.domain.shared.PersonalDataOwner;
import dk.grantlifecycle.domain.shared.RuleId;
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
                                     boolean acute, LocalDate receivedOn, String team, Set<Fact> facts,
                                     Anonymity anonymous) implements PersonalDataOwner {

        public ReceiveApplication(ApplicationId applicationId, CitizenId citizenId, CitizenIdentity citizen,
                                  MunicipalityId municipality, Paragraph paragraph, List<RequestedService> services,
                                  ApplicationSource source, boolean acute, LocalDate receivedOn, String team,
                                  Set<Fact> facts) {
            this(applicationId, citizenId, citizen, municipality, paragraph, services, source, acute, receivedOn, team,
                    facts, null);
        }
    }

    /**
     * NO-DELETE-WITHOUT-ARCHIVE: an administrator asks for the citizen's personal data to be made
     * unreadable. While the case is under its retention rule the archive authority's permission
     * reference ({@code archivePermission}) is required.
     */
    public record EraseCitizenData(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate requestedOn,
                                   String reason, String archivePermission) {
    }

    public record AssignCaseworker(@TargetAggregateIdentifier ApplicationId applicationId, String team,
                                   String caseworker, @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * The applicant is sent on elsewhere (§ 83, health care, open offers, ...). In law that is a
     * refusal of what was applied for (Retssikkerhedsloven § 5): a decision on every requested
     * service, with reasons and complaint guidance (DECISION-CONTENT), sent and received (RECEIPT).
     */
    public record ReferElsewhere(@TargetAggregateIdentifier ApplicationId applicationId, DecisionId decisionId,
                                 String referredTo, String reason, List<RuleId> ruleIds, LocalDate referredOn,
                                 DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen,
                                 HearingId hearingId, @TargetAggregateVersion Long expectedVersion) {
    }

    /** The citizen withdraws the application: the only way it closes without a decision. */
    public record WithdrawApplication(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate withdrawnOn,
                                      StatementForm form, String note) {
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
     * @param facts                 the caseworker's findings (see {@link Fact}); what the command side knows of
     *                              the citizen's other grants is added by the application itself (EXCL-*)
     * @param delivery              how the decision was sent and, if known, received (RECEIPT)
     * @param factsNotSeenByCitizen the decision rests on facts the citizen has not seen (HEARING)
     */
    public record DecideApplication(@TargetAggregateIdentifier ApplicationId applicationId, DecisionId decisionId,
                                    LocalDate decidedOn, List<OutcomeRequest> outcomes, Set<Fact> facts,
                                    DecisionContent content, Delivery delivery,
                                    boolean factsNotSeenByCitizen, HearingId hearingId,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    /** The caseworker's outcome for one requested service, identified by its code. */
    public record OutcomeRequest(String serviceCode, GrantId grantId, Outcome outcome, GrantTerms terms, String reason,
                                 List<RuleId> ruleIds) {
    }

    /** CASE-DEADLINE-LETTER: the citizen is told in writing when to expect a decision. */
    public record InformCitizenOfDelay(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate informedOn,
                                       LocalDate expectedDecisionBy, String reason) {
    }

    /**
     * CASE-REMITTED: Ankestyrelsen remitted the case on a complaint about one of its grant lines;
     * processing reopens from receipt of its decision. Sent by the case process when the appeal
     * outcome is recorded, so a remittal always rests on an escalated complaint.
     */
    public record ReopenAfterRemittal(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate receivedOn,
                                      String appealReference, GrantId grantId, ComplaintId complaintId) {
    }

    /** HEARING: the citizen is heard on facts not yet seen before the decision. */
    public record HearCitizen(@TargetAggregateIdentifier ApplicationId applicationId, HearingId hearingId, LocalDate sentOn,
                              LocalDate answerBy, String facts, Delivery delivery) {
    }

    public record RecordHearingAnswer(@TargetAggregateIdentifier ApplicationId applicationId, HearingId hearingId,
                                      LocalDate answeredOn, String answer) {
    }

    /** SEL101-GUARANTEE: treatment started (from the grant's service start). */
    public record NoteTreatmentStarted(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate startedOn) {
    }
}
