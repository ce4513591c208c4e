package dk.grantlifecycle.domain.decision;

import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.util.List;

/**
 * The outcome for one requested service (SEL85-PARTIAL: each requested service gets its own), as
 * the decision records it and the grant line keeps it.
 *
 * @param grantId   the grant that carries this service line from now on
 * @param service   what was asked for and, when granted, what it never includes
 * @param outcome   granted or rejected
 * @param terms     the scope and conditions granted (null for a rejection)
 * @param grounds   the rule IDs applied, the reason and, for a rejection, where it points the citizen
 * @param plan      what follows a grant: action plan duty and follow-up cadences
 * @param hours     the hour scheme in force at the decision (SEL97-SAVE-90H, SEL98-HOURS), null if none
 */
public record ServiceDecision(GrantId grantId, Paragraph paragraph, Service service, Outcome outcome, GrantTerms terms,
                              Grounds grounds, Plan plan, HourScheme hours) {

    public enum Outcome { GRANTED, REJECTED }

    /** ACTION-PLAN: must be offered, should be considered, or not required. */
    public enum ActionPlanDuty { MUST_OFFER, CONSIDER, NOT_REQUIRED }

    /**
     * @param code        a catalogue code such as GLX-COOKING, or the caseworker's own
     * @param name        the catalogue's name, or the caseworker's description
     * @param conditions  what the service never includes, and what to assess if the citizen is untrainable
     * @param plannedWith a service this one is planned together with (GLX-LAUNDRY)
     */
    public record Service(String code, String name, List<String> conditions, String plannedWith) {

        public static Service named(String code, String name) {
            return new Service(code, name, List.of(), null);
        }
    }

    /**
     * @param ruleIds  the rule IDs applied to this outcome
     * @param reason   why (required for a rejection)
     * @param referral where a rejection points the citizen (SEL85-TARGET: open offers)
     * @param findings what the rule files flag about the rule applied (a source kept as written but
     *                 contradicting itself): the caseworker decides knowing it, and the record shows it
     */
    public record Grounds(List<RuleId> ruleIds, String reason, List<String> referral, List<String> findings) {
    }

    /**
     * @param actionPlan            ACTION-PLAN duty
     * @param firstGrant            no earlier support under the paragraph (SEL85-REASSESS-12W)
     * @param cadences              follow-up cadences from the rule set in force (empty: none fixed)
     * @param repeatedCancellations SEL104-REPEATED-CANCEL threshold, null when the rules set none
     */
    public record Plan(ActionPlanDuty actionPlan, boolean firstGrant, List<Cadence> cadences, Integer repeatedCancellations) {

        public static final Plan NONE = new Plan(ActionPlanDuty.NOT_REQUIRED, false, List.of(), null);
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
