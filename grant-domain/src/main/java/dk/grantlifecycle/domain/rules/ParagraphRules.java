package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.Cadence.Anchor;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.decision.PlaceSize;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * What one paragraph's rules say, merged from the law file and the municipality's standard in
 * force. Every field is optional in a file; absent means "the source sets nothing".
 *
 * @param source                 where the rules come from (document and section)
 * @param caseProcessing         CASE-DEADLINE: published case-processing time
 * @param eligibility            target group checks (SEL85-TARGET, SEL96-TARGET, ...)
 * @param followUps              follow-up and reassessment cadences (SEL85-REASSESS-12W, ...)
 * @param notice                 NOTICE-3A-14W: earliest effect of a reduction after receipt
 * @param noticeAsStatedInSource the notice the municipality's document states, when it differs (SEL98-NOTICE-SOURCE-CONFLICT)
 * @param services               a service catalogue (Gladsaxe's GLX-*), by code
 * @param hours                  hour schemes (SEL97-15H, SEL97-SAVE-90H, SEL98-HOURS)
 * @param companionExpenses      SEL97-SAVE-90H: yearly companion expenses subsidy, by year
 * @param placeSizes             PLACE-SIZE: days a week per place size
 * @param wage                   SEL103-WAGE
 * @param holidayDaysPerYear     SEL85-HOLIDAY-7D
 * @param ownPayment             OWN-PAYMENT
 * @param freeChoiceOfProvider   NO-FREE-CHOICE
 * @param groupFirst             GROUP-FIRST
 * @param temporaryByDefault     TEMPORARY-FIRST
 * @param leastIntrusive         LEAST-INTRUSIVE: a grant must record the less intrusive options considered
 * @param repeatedCancellations  SEL104-REPEATED-CANCEL: cancellations that make a review due
 * @param treatmentGuarantee     SEL101-GUARANTEE
 * @param routing                SEL85-UNDER25: applicants routed to another unit
 * @param familyProvider         NO-FAMILY-PROVIDER: whether a relative may be the provider (never, or after an individual assessment)
 * @param goalsRequired          SEL85-GOALS: every granted service has goals
 * @param endingReconsideration  BPA-COMPLAINT-2W: reconsideration time for a complaint about ending the service
 * @param endingSuspendedUntilAppeal BPA-SUSPENSIVE: an upheld ending waits for Ankestyrelsen's decision
 * @param notAppealable          COMPLAINT-NOT-APPEALABLE: subjects that are not decisions open to appeal
 * @param shelterNotifyHverdage  SHELTER-NOTIFY: the shelter informs the municipality within this many hverdage
 * @param shelterContactDays     SHELTER-NOTIFY: the shelter contacts the municipality within this many days of the stay's start
 * @param actionPlan             ACTION-PLAN: when the paragraph's grants come with the offer of an action plan
 * @param earlierSupportFact     the caseworker's finding that the citizen had support under the paragraph before
 *                               (a grant is a repeat grant when it is established or the system knows an earlier grant)
 * @param levelsByMunicipality   the rule whose VUM levels each municipality sets (SEL85-TARGET, ...): without a
 *                               level check of the municipality's own, the decision records that there is no
 *                               municipal standard instead of borrowing one
 * @param neverReplaces          EXCL-99-SUPPLEMENT: the paragraphs this one supplements and never replaces
 * @param assumptions            values of this section that no source gives, each with its reason
 */
public record ParagraphRules(
        String source,
        Period caseProcessing,
        Eligibility eligibility,
        List<FollowUpRule> followUps,
        Period notice,
        Period noticeAsStatedInSource,
        Map<String, ServiceRule> services,
        Hours hours,
        Map<Integer, BigDecimal> companionExpenses,
        Map<PlaceSize, DayRange> placeSizes,
        Wage wage,
        Integer holidayDaysPerYear,
        OwnPayment ownPayment,
        Boolean freeChoiceOfProvider,
        Boolean groupFirst,
        Boolean temporaryByDefault,
        Boolean leastIntrusive,
        Integer repeatedCancellations,
        Period treatmentGuarantee,
        Routing routing,
        FamilyProvider familyProvider,
        Boolean goalsRequired,
        Period endingReconsideration,
        Boolean endingSuspendedUntilAppeal,
        List<String> notAppealable,
        Integer shelterNotifyHverdage,
        Integer shelterContactDays,
        ActionPlanRule actionPlan,
        Fact earlierSupportFact,
        RuleId levelsByMunicipality,
        List<Paragraph> neverReplaces,
        List<Assumption> assumptions) {

    /** NO-FAMILY-PROVIDER: relatives and close network as the provider. */
    public enum FamilyProvider {
        /** Never employed (002 § 97: "kan der ikke ske ansættelse af personer, der har en meget tæt tilknytning til dig"). */
        NEVER,
        /** Not employed unless an individual assessment finds it best (000, 001, 002 § 85 section 8). */
        AFTER_INDIVIDUAL_ASSESSMENT
    }

    /**
     * ACTION-PLAN: {@code EVERY_GRANT} when the source offers an action plan with every grant;
     * {@code FROM_LEVEL} when the offer is due from a VUM level ({@code fromLevel}) on any theme.
     */
    public record ActionPlanRule(Offer offer, Integer fromLevel, String source) {
        public enum Offer { EVERY_GRANT, FROM_LEVEL }
    }

    /**
     * A value no source gives: {@code field} names the field of the section it sits in (for example
     * {@code repeatedCancellations}), {@code source} is always {@code assumption}, {@code reason} says why
     * the value was taken. A municipality's file overrides it by setting the field itself.
     */
    public record Assumption(String field, String source, String reason) {
    }

    public List<FollowUpRule> followUpsOrEmpty() {
        return followUps == null ? List.of() : followUps;
    }

    public Eligibility eligibilityOrNone() {
        return eligibility == null ? new Eligibility(null, null, null, null) : eligibility;
    }

    public boolean is(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /**
     * @param levels                levels required on the themes the support is asked for
     * @param underStatePensionAge  rule ID when the citizen must be under state pension age at the decision
     * @param requiredFacts         facts that must be established
     * @param excludingFacts        facts that rule the paragraph out
     */
    public record Eligibility(LevelCheck levels, RuleId underStatePensionAge,
                              List<FactCheck> requiredFacts, List<FactCheck> excludingFacts) {

        public List<FactCheck> requiredFactsOrEmpty() {
            return requiredFacts == null ? List.of() : requiredFacts;
        }

        public List<FactCheck> excludingFactsOrEmpty() {
            return excludingFacts == null ? List.of() : excludingFacts;
        }
    }

    /** A level range on themes; {@code referral} names where a rejection points the citizen. */
    public record LevelCheck(Integer min, Integer max, Match match, RuleId rule, List<String> referral) {
    }

    /** A fact checked under a rule; {@code when} makes the check conditional on another fact. */
    public record FactCheck(Fact fact, RuleId rule, Fact when) {
    }

    public enum Match { ANY, ALL, MOST }

    /**
     * A cadence: {@code first} after the anchor, then {@code every} after each completion. A
     * {@code windowOpens} period marks when the follow-up may be done (SEL96-FOLLOWUP). With the
     * anchor {@code COMPLETION} the cadence starts when the follow-up of kind {@code after} is
     * completed (SEL110-FOLLOWUP: the 8 weeks run from the first meeting).
     */
    public record FollowUpRule(RuleId rule, FollowUpKind kind, Anchor anchor, Applies applies,
                               Period first, Period windowOpens, Period every, Integer atAge, FollowUpKind after) {
    }

    /** Which grants a cadence applies to: all, first-time grants only, or repeat grants only. */
    public enum Applies { ANY, FIRST_GRANT, REPEAT_GRANT }

    /**
     * A catalogue service. {@code criteria} must all hold; {@code frequencies} are the visit
     * intervals allowed; {@code followUp} false means the service is not followed up.
     */
    public record ServiceRule(RuleId rule, String name, List<Criterion> criteria, List<Period> frequencies,
                              Boolean followUp, Boolean limitedPeriod, String plannedWith, List<String> never,
                              String ifUntrainable, HourRange hours, List<FactCheck> requiredFacts,
                              Boolean abroad, String dataFlag) {

        public List<Criterion> criteriaOrEmpty() {
            return criteria == null ? List.of() : criteria;
        }

        public List<FactCheck> requiredFactsOrEmpty() {
            return requiredFacts == null ? List.of() : requiredFacts;
        }
    }

    /**
     * A VUM criterion: level in {@code min..max} (or one of {@code levels}) on {@code themes},
     * matched by {@code match}; only checked when {@code onlyWhen} is established. For {@code MOST},
     * {@code notAssessed} says how a theme the assessment did not score counts.
     */
    public record Criterion(List<String> themes, Match match, Integer min, Integer max, List<Integer> levels,
                            Fact onlyWhen, NotAssessed notAssessed) {
    }

    /**
     * How a theme scored "ikke vurderet" counts when most themes must meet a level: left out of the
     * count ({@code NOT_COUNTED}), or counted as a theme that does not meet it ({@code NOT_MET}).
     */
    public enum NotAssessed { NOT_COUNTED, NOT_MET }

    public record HourRange(int min, int max, Period over) {
    }

    /**
     * @param perMonth              hours a month (SEL97-15H)
     * @param individuallyAssessed  false when the hours are fixed by law
     * @param saveCap               most hours that may be saved (SEL97-SAVE-90H)
     * @param expiresAfter          a month's unused hours expire this long after the month
     * @param saveable              unused hours may be saved (false for § 98: SEL98-HOURS)
     * @param movable               hours that could not be used may be moved (SEL98-HOURS)
     */
    public record Hours(Integer perMonth, Boolean individuallyAssessed, Integer saveCap, Period expiresAfter,
                        Boolean saveable, Boolean movable) {
    }

    public record DayRange(int min, int max) {
    }

    /**
     * @param minShareOfMinimumWage       wage from this share of the minimum wage
     * @param maxHourlyAsRule             as a rule at most this many kroner an hour
     * @param ownTransportRadiusKm        the citizen pays own daily transport within this distance
     * @param transportMaxShareOfEarnings ... but never more than this share of net earnings
     */
    public record Wage(BigDecimal minShareOfMinimumWage, BigDecimal maxHourlyAsRule, Integer ownTransportRadiusKm,
                       BigDecimal transportMaxShareOfEarnings) {
    }

    /**
     * @param dailyRate          daily own payment by year (indexed each 1 January)
     * @param minimumKept        the citizen keeps at least this a month
     * @param minimumKeptWithMeals ... or this when meals are included
     */
    public record OwnPayment(Map<Integer, BigDecimal> dailyRate, BigDecimal minimumKept,
                             BigDecimal minimumKeptWithMeals) {
    }

    /** Applicants under {@code underAge} are handled by {@code unit}. */
    public record Routing(int underAge, String unit, RuleId rule) {
    }
}
