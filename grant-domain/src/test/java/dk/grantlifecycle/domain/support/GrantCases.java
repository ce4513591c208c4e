package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.grant.GrantCommands.OpenGrant;
import dk.grantlifecycle.domain.grant.GrantCommands.ReceiveComplaint;
import dk.grantlifecycle.domain.grant.GrantCommands.ReconsiderComplaint;
import dk.grantlifecycle.domain.grant.GrantCommands.ReduceScope;
import dk.grantlifecycle.domain.grant.GrantCommands.TerminateGrant;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;

import java.time.LocalDate;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.GrantEvents.REDUCTION;

/**
 * The commands a grant line's tests send to {@link Cases#GRANT}, in the style of {@link Cases}:
 * static factories with the usual choices made, so a test names only what it is about.
 */
public final class GrantCases {

    private GrantCases() {
    }

    /** The case process opens the grant with one outcome of {@link Cases#DECISION}, received by the citizen that day. */
    public static OpenGrant open(Paragraph p, Outcome outcome, MunicipalityId m, LocalDate decidedOn) {
        ServiceDecision d = outcome == Outcome.GRANTED
                ? GrantEvents.grantedOutcome(p, Terms.sel85().build(), ActionPlanDuty.NOT_REQUIRED)
                : GrantEvents.rejectedOutcome(p, "no");
        return new OpenGrant(GRANT, APPLICATION, DECISION, decidedOn, CITIZEN, m,
                TestRules.FIXTURE.inForce(m, p, decidedOn).version(), d, content(), decidedOn);
    }

    /** A written complaint about {@code decision}. */
    public static ReceiveComplaint complaint(ComplaintId id, DecisionId decision, LocalDate on) {
        return new ReceiveComplaint(GRANT, id, decision, on, StatementForm.WRITTEN, ComplaintSubject.DECISION, "I disagree");
    }

    /** The municipality upholds the decision and lists the case material that goes to Ankestyrelsen. */
    public static ReconsiderComplaint upheld(ComplaintId id, LocalDate on) {
        return new ReconsiderComplaint(GRANT, id, on, ReconsiderationOutcome.UPHELD, "the decision stands", null, null,
                List.of("decision letter", "VUM assessment", "complaint"), null, null);
    }

    /** {@link GrantEvents#REDUCTION}: fewer hours, sent by Digital Post on the day, effective on {@code effectiveOn} or at once. */
    public static ReduceScope reduce(LocalDate on, LocalDate effectiveOn) {
        return new ReduceScope(GRANT, REDUCTION, on, Terms.sel85().goals("fewer hours").build(), effectiveOn, content(),
                Delivery.digitalPost(on), false, null, null);
    }

    /** {@link GrantEvents#REDUCTION} ends the grant for no expected effect, sent by Digital Post on the day. */
    public static TerminateGrant terminate(LocalDate on) {
        return new TerminateGrant(GRANT, REDUCTION, on, EndReason.NO_EXPECTED_EFFECT, null, null, content(),
                Delivery.digitalPost(on), false, null, false, null);
    }
}
