package dk.grantlifecycle.domain.process;

import dk.grantlifecycle.domain.application.ApplicationCommands.AttachAssessment;
import dk.grantlifecycle.domain.application.ApplicationCommands.NoteTreatmentStarted;
import dk.grantlifecycle.domain.application.ApplicationCommands.ReopenAfterRemittal;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentCompleted;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.followup.FollowUpCommands.AnchorServiceStart;
import dk.grantlifecycle.domain.followup.FollowUpCommands.EndFollowUpPlan;
import dk.grantlifecycle.domain.followup.FollowUpCommands.StartFollowUpPlan;
import dk.grantlifecycle.domain.grant.GrantCommands.OpenGrant;
import dk.grantlifecycle.domain.grant.GrantEvent.AppealDecided;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionChangedInFavour;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.FollowUpId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * The policy that carries a case from one aggregate to the next: a completed assessment is
 * attached to its application, each outcome of a decision opens its grant line, a granted
 * service gets its follow-up plan, a service start anchors the plan (and meets the treatment
 * guarantee), an ending ends the plan, and a case Ankestyrelsen remits reopens its application.
 * Runs in a streaming processor with a persistent token, so nothing is lost across restarts;
 * every command it sends is idempotent, so a redelivered event changes nothing.
 */
@ProcessingGroup(CaseProcess.PROCESSING_GROUP)
public class CaseProcess {

    public static final String PROCESSING_GROUP = "case-process";

    private final CommandGateway commands;

    public CaseProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AssessmentCompleted e) {
        commands.sendAndWait(new AttachAssessment(e.applicationId(), e.assessmentId(), e.scores(), e.completedOn()));
    }

    @EventHandler
    void on(ApplicationDecided e) {
        for (ServiceDecision d : e.outcomes()) {
            commands.sendAndWait(new OpenGrant(d.grantId(), e.applicationId(), e.decisionId(), e.decidedOn(),
                    e.citizenId(), e.municipality(), e.ruleSetVersion(), d, e.content(), e.receivedByCitizenOn()));
        }
    }

    @EventHandler
    void on(ServiceGranted e) {
        ServiceDecision d = e.decision();
        commands.sendAndWait(new StartFollowUpPlan(FollowUpId.forGrant(e.grantId()), e.grantId(), e.caseId(),
                d.paragraph(), e.decidedOn(), d.plan().cadences(), d.terms() == null ? null : d.terms().validUntil(),
                d.plan().repeatedCancellations()));
    }

    @EventHandler
    void on(ServiceStarted e) {
        commands.sendAndWait(new AnchorServiceStart(FollowUpId.forGrant(e.grantId()), e.startedOn()));
        // SEL101-GUARANTEE: which paragraphs carry a treatment guarantee is the rule files' word
        // (treatmentGuarantee); the application closes its guarantee deadline if it opened one, and
        // does nothing otherwise. An outreach case (§ 99) has no application.
        if (!e.caseId().value().equals(e.grantId().value())) {
            commands.sendAndWait(new NoteTreatmentStarted(ApplicationId.of(e.caseId().value()), e.startedOn()));
        }
    }

    @EventHandler
    void on(GrantEnded e) {
        commands.sendAndWait(new EndFollowUpPlan(FollowUpId.forGrant(e.grantId()), e.endedOn(),
                "grant ended: " + e.reason(), e.citizenDeclinesAfterCare()));
    }

    /** A rejection changed in the citizen's favour on reconsideration: the service now gets its follow-up plan. */
    @EventHandler
    void on(DecisionChangedInFavour e) {
        if (e.nowGranted()) {
            commands.sendAndWait(new StartFollowUpPlan(FollowUpId.forGrant(e.grantId()), e.grantId(), e.caseId(), e.paragraph(),
                    e.decidedOn(), e.cadences(), e.terms() == null ? null : e.terms().validUntil(), null));
        }
    }

    /**
     * CASE-REMITTED: Ankestyrelsen sent the case back; the application's processing reopens. An
     * outreach case (§ 99) has no application to reopen.
     */
    @EventHandler
    void on(AppealDecided e) {
        if (e.outcome() == AppealOutcome.REMITTED && e.applicationId() != null) {
            commands.sendAndWait(new ReopenAfterRemittal(e.applicationId(), e.receivedOn(), e.reference(), e.grantId(),
                    e.complaintId()));
        }
    }
}
