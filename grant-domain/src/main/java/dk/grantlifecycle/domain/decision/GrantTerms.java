package dk.grantlifecycle.domain.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The scope and conditions of a granted service, as decided.
 *
 * @param description             what the service is, in the caseworker's words
 * @param frequency               visit interval (weekly = P1W, every 2nd week = P2W, ...)
 * @param hoursPerWeek            individually assessed hours a week
 * @param hoursPerMonth           hours a month (§ 97: fixed by law, SEL97-15H; § 98: assessed)
 * @param deductedHours           SEL97-DEDUCT: escort already given by another service, deducted monthly
 * @param hoursInPeriod           GLX-RETAIN: hours over the service's period
 * @param placeSize               PLACE-SIZE (§ 103, § 104)
 * @param daysPerWeek             PLACE-SIZE
 * @param hourlyWage              SEL103-WAGE
 * @param minimumWageReference    SEL103-WAGE: the minimum hourly wage the 5 % share is taken of
 * @param wageAboveRuleReason     SEL103-WAGE: why the wage exceeds the usual maximum
 * @param form                    GROUP-FIRST: group or individual support
 * @param individualReason        GROUP-FIRST: why the impairment prevents group support
 * @param temporary               TEMPORARY-FIRST: § 85 is temporary unless a reason says otherwise
 * @param permanentReason         TEMPORARY-FIRST
 * @param validUntil              when the grant ends by itself (also anchors SEL101-STATUS)
 * @param goals                   SEL85-GOALS
 * @param lessIntrusiveConsidered LEAST-INTRUSIVE: less intrusive options considered or tried
 */
public record GrantTerms(
        String description,
        Period frequency,
        BigDecimal hoursPerWeek,
        BigDecimal hoursPerMonth,
        BigDecimal deductedHours,
        BigDecimal hoursInPeriod,
        PlaceSize placeSize,
        Integer daysPerWeek,
        BigDecimal hourlyWage,
        BigDecimal minimumWageReference,
        String wageAboveRuleReason,
        Form form,
        String individualReason,
        Boolean temporary,
        String permanentReason,
        LocalDate validUntil,
        List<String> goals,
        List<String> lessIntrusiveConsidered) {

    public enum Form { GROUP, INDIVIDUAL }

    public static GrantTerms described(String description) {
        return new GrantTerms(description, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public List<String> goalsOrEmpty() {
        return goals == null ? List.of() : goals;
    }

    public List<String> lessIntrusiveOrEmpty() {
        return lessIntrusiveConsidered == null ? List.of() : lessIntrusiveConsidered;
    }

    public GrantTerms withHoursPerMonth(BigDecimal hours) {
        return new GrantTerms(description, frequency, hoursPerWeek, hours, deductedHours, hoursInPeriod, placeSize,
                daysPerWeek, hourlyWage, minimumWageReference, wageAboveRuleReason, form, individualReason, temporary,
                permanentReason, validUntil, goals, lessIntrusiveConsidered);
    }

    public GrantTerms withTemporary(boolean isTemporary) {
        return new GrantTerms(description, frequency, hoursPerWeek, hoursPerMonth, deductedHours, hoursInPeriod,
                placeSize, daysPerWeek, hourlyWage, minimumWageReference, wageAboveRuleReason, form, individualReason,
                isTemporary, permanentReason, validUntil, goals, lessIntrusiveConsidered);
    }

    public GrantTerms withDaysPerWeek(Integer days) {
        return new GrantTerms(description, frequency, hoursPerWeek, hoursPerMonth, deductedHours, hoursInPeriod,
                placeSize, days, hourlyWage, minimumWageReference, wageAboveRuleReason, form, individualReason,
                temporary, permanentReason, validUntil, goals, lessIntrusiveConsidered);
    }
}
