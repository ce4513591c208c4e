package dk.grantlifecycle.bench;

import dk.grantlifecycle.api.web.Actor;
import dk.grantlifecycle.api.web.ApplicationController;
import dk.grantlifecycle.api.web.AssessmentController;
import dk.grantlifecycle.api.web.GrantController;
import dk.grantlifecycle.domain.assessment.AssessmentCommands.StartAssessment;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands in-process: the same request bodies as over HTTP, turned into commands by the service's
 * own controllers and sent through Axon's command gateway, one transaction per command (no HTTP,
 * no command filter, no read-model wait).
 */
final class InProcessDriver implements Mix.Driver {

    private static final Actor ACTOR = new Actor("bench-cw", null, null);
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST_FAILURE = new java.util.concurrent.atomic.AtomicBoolean();

    private final ApplicationController applications;
    private final AssessmentController assessments;
    private final GrantController grants;
    private final CommandGateway gateway;
    private final JsonMapper json;

    InProcessDriver(ApplicationContext context) {
        this.applications = context.getBean(ApplicationController.class);
        this.assessments = context.getBean(AssessmentController.class);
        this.grants = context.getBean(GrantController.class);
        this.gateway = context.getBean(CommandGateway.class);
        this.json = context.getBean(JsonMapper.class);
    }

    /** One application: one event on a new aggregate. */
    String receive(Mix.CaseFlow f) {
        return applications.receive(json.readValue(Mix.receive(f), ApplicationController.ReceiveRequest.class), ACTOR).getBody().id();
    }

    @Override
    public Mix.Outcome run(Mix.CaseFlow f, Mix.Step step) {
        try {
            switch (step) {
                case RECEIVE -> f.applicationId = receive(f);
                case ASSIGN -> applications.assign(f.applicationId,
                        json.readValue(Mix.assign(f), ApplicationController.CaseworkerRequest.class), ACTOR);
                case START_ASSESSMENT -> {
                    AssessmentId id = AssessmentId.random();
                    gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new StartAssessment(id, ApplicationId.of(f.applicationId),
                            MunicipalityId.of("lejre"), Mix.today())).andMetaData(ACTOR.metadata()));
                    f.assessmentId = id.value();
                }
                case COMPLETE_ASSESSMENT -> assessments.complete(f.assessmentId,
                        json.readValue(Mix.COMPLETE_ASSESSMENT, AssessmentController.CompletionRequest.class), ACTOR);
                case DECIDE -> f.grantId = applications.decide(f.applicationId,
                        json.readValue(Mix.DECIDE, ApplicationController.DecisionRequest.class), ACTOR).getBody().grants().get(0).grantId();
                case OFFER_PLAN -> grants.offerActionPlan(f.grantId, null, ACTOR);
                case ANSWER_PLAN -> grants.answerActionPlan(f.grantId, json.readValue(Mix.ANSWER_PLAN, GrantController.ActionPlanAnswer.class),
                        ACTOR);
                case START_SERVICE -> grants.start(f.grantId, null, ACTOR);
            }
            return Mix.Outcome.done(-1);
        } catch (AggregateNotFoundException e) {
            // The grant is opened by the case process moments after the decision.
            return Mix.Outcome.notYet();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof AggregateNotFoundException) {
                return Mix.Outcome.notYet();
            }
            if (step == Mix.Step.DECIDE && cause instanceof dk.grantlifecycle.domain.shared.RuleViolation) {
                return Mix.Outcome.notYetOrFailed(f, step + ":" + cause.getClass().getSimpleName());
            }
            if (FIRST_FAILURE.compareAndSet(false, true)) {
                System.err.println("bench: first failed in-process command (" + step + "), for the record:");
                e.printStackTrace();
            }
            return Mix.Outcome.failed(step + ":" + cause.getClass().getSimpleName());
        }
    }
}
