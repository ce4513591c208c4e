package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.followup.Cadence;
import dk.grantlifecycle.domain.rules.ParagraphRules.Hours;
import dk.grantlifecycle.domain.shared.Paragraph;

import java.util.List;

/**
 * The outcome for one requested service (SEL85-PARTIAL: each requested service gets its own).
 *
 * @param grantId                the grant that carries this service line from now on
 * @param ruleIds                the rule IDs applied to this outcome
 * @param reason                 why (required for a rejection)
 * @param referral               where a rejection points the citizen (SEL85-TARGET: open offers)
 * @param cadences               follow-up cadences from the rule set in force (empty: none fixed)
 * @param firstGrant             no earlier support under the paragraph (SEL85-REASSESS-12W)
 * @param actionPlan             ACTION-PLAN duty
 * @param repeatedCancellations  SEL104-REPEATED-CANCEL threshold, null when the rules set none
 * @param conditions             what the service never includes, and what to assess if untrainable
 * @param plannedWith            a service this one is planned together with (GLX-LAUNDRY)
 * @param hours                  the hour scheme in force at the decision (SEL97-SAVE-90H, SEL98-HOURS)
 */
public record ServiceDecision(
        GrantId grantId,
        Paragraph paragraph,
        String serviceCode,
        String serviceName,
        Outcome outcome,
        GrantTerms terms,
        List<String> ruleIds,
        String reason,
        List<String> referral,
        List<Cadence> cadences,
        boolean firstGrant,
        ActionPlanDuty actionPlan,
        Integer repeatedCancellations,
        List<String> conditions,
        String plannedWith,
        Hours hours) {

    public enum Outcome { GRANTED, REJECTED }

    /** ACTION-PLAN: must be offered, should be considered, or not required. */
    public enum ActionPlanDuty { MUST_OFFER, CONSIDER, NOT_REQUIRED }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
