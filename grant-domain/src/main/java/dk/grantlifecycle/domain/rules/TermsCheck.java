package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.rules.ParagraphRules.DayRange;
import dk.grantlifecycle.domain.rules.ParagraphRules.Hours;
import dk.grantlifecycle.domain.rules.ParagraphRules.Wage;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.math.BigDecimal;

/**
 * Whether the scope and conditions of a grant follow the rules in force, and the terms as they
 * are recorded: goals (SEL85-GOALS), group first (GROUP-FIRST), temporary by default
 * (TEMPORARY-FIRST), less intrusive options (LEAST-INTRUSIVE), fixed hours (SEL97-15H,
 * SEL97-DEDUCT), place sizes (PLACE-SIZE) and wages (SEL103-WAGE).
 */
public final class TermsCheck {

    private TermsCheck() {
    }

    public static GrantTerms check(RulesInForce in, GrantTerms terms, String field) {
        ParagraphRules r = in.rules();
        GrantTerms t = terms == null ? GrantTerms.described(null) : terms;
        String at = field + ".terms";
        if (r.is(r.goalsRequired())) {
            RuleViolation.require(t.goalsOrEmpty().stream().anyMatch(g -> g != null && !g.isBlank()), RuleId.SEL85_GOALS,
                    at + ".goals", "support is only given for tasks with a goal: set at least one goal");
        }
        if (r.is(r.groupFirst()) && t.form() == GrantTerms.Form.INDIVIDUAL) {
            RuleViolation.require(present(t.individualReason()), RuleId.GROUP_FIRST, at + ".individualReason",
                    "support is given in groups unless the impairment prevents it: record why individual support is needed");
        }
        if (r.is(r.leastIntrusive())) {
            RuleViolation.require(t.lessIntrusiveOrEmpty().stream().anyMatch(TermsCheck::present), RuleId.LEAST_INTRUSIVE,
                    at + ".lessIntrusiveConsidered", "record the less intrusive options considered or tried first");
        }
        if (r.is(r.temporaryByDefault())) {
            boolean permanent = Boolean.FALSE.equals(t.temporary());
            RuleViolation.require(!permanent || present(t.permanentReason()), RuleId.TEMPORARY_FIRST, at + ".permanentReason",
                    in.paragraph().label() + " is temporary by default: record why this grant is not");
            t = t.withTemporary(!permanent);
        }
        t = hours(r.hours(), t, at);
        t = placeSize(r, t, at);
        wage(r.wage(), t, at);
        return t;
    }

    private static GrantTerms hours(Hours hours, GrantTerms t, String at) {
        if (hours == null || hours.perMonth() == null || !Boolean.FALSE.equals(hours.individuallyAssessed())) {
            return t;
        }
        BigDecimal deducted = t.deductedHours() == null ? BigDecimal.ZERO : t.deductedHours();
        RuleViolation.require(deducted.signum() >= 0 && deducted.compareTo(BigDecimal.valueOf(hours.perMonth())) <= 0,
                RuleId.SEL97_DEDUCT, at + ".deductedHours", "the deduction must be 0-" + hours.perMonth() + " hours");
        BigDecimal due = BigDecimal.valueOf(hours.perMonth()).subtract(deducted);
        RuleViolation.require(t.hoursPerMonth() == null || t.hoursPerMonth().compareTo(due) == 0, RuleId.SEL97_15H,
                at + ".hoursPerMonth", "the hours are " + hours.perMonth() + " a month by law"
                        + (deducted.signum() > 0 ? " less " + deducted.toPlainString() + " deducted" : "")
                        + ", not subject to individual assessment");
        return t.withHoursPerMonth(due);
    }

    private static GrantTerms placeSize(ParagraphRules r, GrantTerms t, String at) {
        if (r.placeSizes() == null || r.placeSizes().isEmpty()) {
            return t;
        }
        RuleViolation.require(t.placeSize() != null, RuleId.PLACE_SIZE, at + ".placeSize",
                "choose a place size: " + r.placeSizes().keySet());
        DayRange days = r.placeSizes().get(t.placeSize());
        RuleViolation.require(days != null, RuleId.PLACE_SIZE, at + ".placeSize", "no such place size in the rules");
        if (t.daysPerWeek() == null) {
            return t.withDaysPerWeek(days.min());
        }
        RuleViolation.require(t.daysPerWeek() >= days.min() && t.daysPerWeek() <= days.max(), RuleId.PLACE_SIZE,
                at + ".daysPerWeek", t.placeSize() + " place means " + days.min()
                        + (days.max() == days.min() ? "" : "-" + days.max()) + " days a week");
        return t;
    }

    private static void wage(Wage wage, GrantTerms t, String at) {
        if (wage == null || t.hourlyWage() == null) {
            return;
        }
        if (wage.minShareOfMinimumWage() != null) {
            RuleViolation.require(t.minimumWageReference() != null && t.minimumWageReference().signum() > 0,
                    RuleId.SEL103_WAGE, at + ".minimumWageReference", "give the minimum wage the wage is a share of");
            BigDecimal floor = t.minimumWageReference().multiply(wage.minShareOfMinimumWage());
            RuleViolation.require(t.hourlyWage().compareTo(floor) >= 0, RuleId.SEL103_WAGE, at + ".hourlyWage",
                    "the wage is at least " + wage.minShareOfMinimumWage().movePointRight(2).stripTrailingZeros().toPlainString()
                            + " % of the minimum wage: " + floor.setScale(2, java.math.RoundingMode.HALF_UP) + " kr an hour");
        }
        if (wage.maxHourlyAsRule() != null && t.hourlyWage().compareTo(wage.maxHourlyAsRule()) > 0) {
            RuleViolation.require(present(t.wageAboveRuleReason()), RuleId.SEL103_WAGE, at + ".wageAboveRuleReason",
                    "as a rule the wage is at most " + wage.maxHourlyAsRule() + " kr an hour: record why it is more");
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
