package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.assessment.AssessmentId;
import dk.grantlifecycle.domain.grant.DecisionContent;
import dk.grantlifecycle.domain.grant.DecisionId;
import dk.grantlifecycle.domain.grant.ServiceDecision;
import dk.grantlifecycle.domain.rules.DeliveryChannel;
import dk.grantlifecycle.domain.rules.Fact;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.DeadlineEvents;
import dk.grantlifecycle.domain.shared.DeadlineKind;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What happened to an application. The case id of an application's deadlines is its own id. */
public sealed interface ApplicationEvent {

    ApplicationId applicationId();

    default String caseId() {
        return applicationId().value();
    }

    /** The one event that carries the citizen's CPR number and name, in its {@code citizen} part. */
    @Revision("1")
    record ApplicationReceived(ApplicationId applicationId, CitizenId citizenId, @PersonalData CitizenIdentity citizen,
                               MunicipalityId municipality, Paragraph paragraph, List<RequestedService> services,
                               ApplicationSource source, boolean acute, LocalDate receivedOn, String team,
                               Set<Fact> facts, RuleSetVersion ruleSetVersion) implements ApplicationEvent {
    }

    @Revision("1")
    record CaseworkerAssigned(ApplicationId applicationId, String team, String caseworker) implements ApplicationEvent {
    }

    /** SEL85-UNDER25: the case is handled by another unit. */
    @Revision("1")
    record CaseRoutedToUnit(ApplicationId applicationId, String unit, String ruleId) implements ApplicationEvent {
    }

    /** CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER or CASE-REMITTED: a case-processing deadline runs. */
    @Revision("1")
    record CaseProcessingDeadlineSet(ApplicationId applicationId, String deadlineKey, LocalDate dueOn, String ruleId,
                                     String scheduleId) implements ApplicationEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.CASE_PROCESSING;
        }

        @Override
        public String caseId() {
            return applicationId.value();
        }
    }

    /** The case-processing deadline came without a decision (CASE-DEADLINE-LETTER prompt). */
    @Revision("1")
    record CaseProcessingDeadlineReached(ApplicationId applicationId, String deadlineKey, LocalDate dueOn,
                                         String ruleId) implements ApplicationEvent, DeadlineEvents.Fired {
    }

    /** CASE-DEADLINE-LETTER: the citizen was told when to expect a decision; the old deadline is replaced. */
    @Revision("1")
    record CitizenInformedOfDelay(ApplicationId applicationId, String deadlineKey, LocalDate informedOn,
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

    @Revision("1")
    record ApplicationReferredElsewhere(ApplicationId applicationId, String referredTo, String reason,
                                        List<String> ruleIds, LocalDate referredOn, List<String> closedDeadlineKeys)
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
    @Revision("1")
    record AcuteSupportStarted(ApplicationId applicationId, String deadlineKey, LocalDate startedOn, String description)
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
     * version it records. Closes the running case-processing deadlines.
     */
    @Revision("1")
    record ApplicationDecided(ApplicationId applicationId, DecisionId decisionId, LocalDate decidedOn,
                              CitizenId citizenId, MunicipalityId municipality, Paragraph paragraph,
                              RuleSetVersion ruleSetVersion, AssessmentId basedOn, List<ServiceDecision> outcomes,
                              Set<Fact> facts, DecisionContent content, DeliveryChannel deliveredBy,
                              LocalDate receivedByCitizenOn, List<String> closedDeadlineKeys)
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

    /** CASE-REMITTED: Ankestyrelsen remitted the case; processing reopens. */
    @Revision("1")
    record CaseRemitted(ApplicationId applicationId, LocalDate receivedOn, String appealReference)
            implements ApplicationEvent {
    }

    /** SEL101-GUARANTEE: treatment must start within the guarantee. */
    @Revision("1")
    record TreatmentGuaranteeSet(ApplicationId applicationId, String deadlineKey, LocalDate dueOn, String ruleId,
                                 String scheduleId) implements ApplicationEvent, DeadlineEvents.Opened {
        @Override
        public DeadlineKind deadlineKind() {
            return DeadlineKind.TREATMENT_GUARANTEE;
        }

        @Override
        public String caseId() {
            return applicationId.value();
        }
    }

    @Revision("1")
    record TreatmentGuaranteeBreached(ApplicationId applicationId, String deadlineKey, LocalDate dueOn)
            implements ApplicationEvent, DeadlineEvents.Fired {
    }

    @Revision("1")
    record TreatmentStarted(ApplicationId applicationId, String deadlineKey, LocalDate startedOn)
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
