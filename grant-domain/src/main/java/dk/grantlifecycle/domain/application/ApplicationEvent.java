package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CaseEvent;
import dk.grantlifecycle.domain.shared.CaseId;
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
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What happened to an application. The case of an application is the application itself. */
public sealed interface ApplicationEvent extends CaseEvent {

    ApplicationId applicationId();

    @Override
    default CaseId caseId() {
        return CaseId.of(applicationId());
    }

    /**
     * The one event that carries the citizen's CPR number and name, in its {@code citizen} part,
     * which the event store holds encrypted with the citizen's key (PII-NOT-IN-CLEAR). An anonymous
     * application (ANONYMOUS) has no citizen id and no citizen, and names its {@code anonymous} part.
     */
    @Revision("1")
    record ApplicationReceived(ApplicationId applicationId, CitizenId citizenId, @PersonalData CitizenIdentity citizen,
                               MunicipalityId municipality, Paragraph paragraph, List<RequestedService> services,
                               ApplicationSource source, boolean acute, LocalDate receivedOn, String team,
                               Set<Fact> facts, RuleSetVersion ruleSetVersion, Anonymity anonymous)
            implements ApplicationEvent, PersonalDataOwner {

        public ApplicationReceived(ApplicationId applicationId, CitizenId citizenId, CitizenIdentity citizen,
                                   MunicipalityId municipality, Paragraph paragraph, List<RequestedService> services,
                                   ApplicationSource source, boolean acute, LocalDate receivedOn, String team,
                                   Set<Fact> facts, RuleSetVersion ruleSetVersion) {
            this(applicationId, citizenId, citizen, municipality, paragraph, services, source, acute, receivedOn, team,
                    facts, ruleSetVersion, null);
        }
    }

    /**
     * NO-DELETE-WITHOUT-ARCHIVE, PII-NOT-IN-CLEAR: an administrator had the citizen's personal data
     * erased by destroying the citizen's data key; every stored CPR number and name of the citizen
     * now reads as erased. {@code underRetention} says whether the case was still under its retention
     * rule, in which case {@code archivePermission} names the archive authority's permission.
     */
    @Revision("1")
    record CitizenDataErased(ApplicationId applicationId, CitizenId citizenId, LocalDate erasedOn, String reason,
                             boolean underRetention, String archivePermission) implements ApplicationEvent {
    }

    @Revision("1")
    record CaseworkerAssigned(ApplicationId applicationId, String team, String caseworker) implements ApplicationEvent {
    }

    /** SEL85-UNDER25: the case is handled by another unit. */
    @Revision("1")
    record CaseRoutedToUnit(ApplicationId applicationId, String unit, RuleId ruleId) implements ApplicationEvent {
    }

    /** CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER or CASE-REMITTED: a case-processing deadline runs. */
    @Revision("2")
    record CaseProcessingDeadlineSet(ApplicationId applicationId, Deadline deadline)
            implements ApplicationEvent, DeadlineEvents.Opened {
    }

    /** The case-processing deadline came without a decision (CASE-DEADLINE-LETTER prompt). */
    @Revision("2")
    record CaseProcessingDeadlineReached(ApplicationId applicationId, DeadlineId deadlineId, LocalDate dueOn, RuleId ruleId)
            implements ApplicationEvent, DeadlineEvents.Fired {
    }

    /** CASE-DEADLINE-LETTER: the citizen was told when to expect a decision; the old deadline is replaced. */
    @Revision("2")
    record CitizenInformedOfDelay(ApplicationId applicationId, DeadlineId deadlineId, LocalDate informedOn,
                                  LocalDate expectedDecisionBy, String reason)
            implements ApplicationEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return "citizen informed in writing; decision expected by " + expectedDecisionBy;
        }
    }

    /**
     * A referral recorded before referrals were decisions: it closed the case without reasons,
     * guidance or a complaint window. New referrals are {@link ApplicationDecided} naming {@code referredTo}.
     */
    @Revision("2")
    record ApplicationReferredElsewhere(ApplicationId applicationId, String referredTo, String reason,
                                        List<RuleId> ruleIds, LocalDate referredOn, List<DeadlineId> closedDeadlineIds)
            implements ApplicationEvent, DeadlineEvents.ClosedMany {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return "referred to " + referredTo;
        }
    }

    /** CASE-ACUTE: support started right after receipt. */
    @Revision("2")
    record AcuteSupportStarted(ApplicationId applicationId, DeadlineId deadlineId, LocalDate startedOn, String description)
            implements ApplicationEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "acute support started";
        }
    }

    @Revision("1")
    record AssessmentAttached(ApplicationId applicationId, AssessmentId assessmentId, Map<String, VumLevel> scores,
                              LocalDate completedOn) implements ApplicationEvent {
    }

    /**
     * The decision on the application: one outcome per requested service, judged by the rule set
     * version it records. Closes the running case-processing deadlines. {@code referredTo} names
     * where the citizen is sent on when the decision refuses by referral (null otherwise).
     */
    @Revision("2")
    record ApplicationDecided(ApplicationId applicationId, DecisionId decisionId, LocalDate decidedOn,
                              CitizenId citizenId, MunicipalityId municipality, Paragraph paragraph,
                              RuleSetVersion ruleSetVersion, AssessmentId basedOn, List<ServiceDecision> outcomes,
                              Set<Fact> facts, DecisionContent content, DeliveryChannel deliveredBy,
                              LocalDate receivedByCitizenOn, List<DeadlineId> closedDeadlineIds, String referredTo,
                              HearingId heardIn)
            implements ApplicationEvent, DeadlineEvents.ClosedMany {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "decided on " + decidedOn;
        }
    }

    /** The citizen withdrew the application: it closes without a decision, with every deadline it had. */
    @Revision("1")
    record ApplicationWithdrawn(ApplicationId applicationId, LocalDate withdrawnOn, StatementForm form, String note,
                                List<DeadlineId> closedDeadlineIds) implements ApplicationEvent, DeadlineEvents.ClosedMany {
        @Override
        public boolean met() {
            return false;
        }

        @Override
        public String closingReason() {
            return "the citizen withdrew the application on " + withdrawnOn;
        }
    }

    /**
     * CASE-REMITTED: Ankestyrelsen remitted the case on the complaint {@code complaintId} about grant
     * line {@code grantId}; processing reopens. Earlier events name no complaint.
     */
    @Revision("1")
    record CaseRemitted(ApplicationId applicationId, LocalDate receivedOn, String appealReference, GrantId grantId,
                        ComplaintId complaintId) implements ApplicationEvent {
    }

    /** SEL101-GUARANTEE: treatment must start within the guarantee. */
    @Revision("2")
    record TreatmentGuaranteeSet(ApplicationId applicationId, Deadline deadline)
            implements ApplicationEvent, DeadlineEvents.Opened {
    }

    @Revision("2")
    record TreatmentGuaranteeBreached(ApplicationId applicationId, DeadlineId deadlineId, LocalDate dueOn)
            implements ApplicationEvent, DeadlineEvents.Fired {
    }

    @Revision("2")
    record TreatmentStarted(ApplicationId applicationId, DeadlineId deadlineId, LocalDate startedOn)
            implements ApplicationEvent, DeadlineEvents.Closed {
        @Override
        public boolean met() {
            return true;
        }

        @Override
        public String closingReason() {
            return "treatment started on " + startedOn;
        }
    }
}
