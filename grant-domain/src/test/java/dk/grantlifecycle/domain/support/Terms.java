package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.PlaceSize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** A builder for grant terms; {@link #sel85()} meets every § 85 rule, so tests change one thing at a time. */
public final class Terms {

    private String description = "støtte";
    private Period frequency;
    private BigDecimal hoursPerWeek;
    private BigDecimal hoursPerMonth;
    private BigDecimal deductedHours;
    private BigDecimal hoursInPeriod;
    private PlaceSize placeSize;
    private Integer daysPerWeek;
    private BigDecimal hourlyWage;
    private BigDecimal minimumWageReference;
    private String wageAboveRuleReason;
    private GrantTerms.Form form;
    private String individualReason;
    private Boolean temporary;
    private String permanentReason;
    private LocalDate validUntil;
    private List<String> goals;
    private List<String> lessIntrusive;

    public static Terms none() {
        return new Terms();
    }

    public static Terms sel85() {
        Terms t = new Terms();
        t.form = GrantTerms.Form.GROUP;
        t.hoursPerWeek = BigDecimal.valueOf(2);
        t.goals = List.of("cooks a warm meal three times a week");
        t.lessIntrusive = List.of("drop-in centre tried for 3 months");
        return t;
    }

    public Terms description(String v) { description = v; return this; }
    public Terms frequency(Period v) { frequency = v; return this; }
    public Terms hoursPerMonth(int v) { hoursPerMonth = BigDecimal.valueOf(v); return this; }
    public Terms deductedHours(int v) { deductedHours = BigDecimal.valueOf(v); return this; }
    public Terms hoursInPeriod(int v) { hoursInPeriod = BigDecimal.valueOf(v); return this; }
    public Terms placeSize(PlaceSize v) { placeSize = v; return this; }
    public Terms daysPerWeek(Integer v) { daysPerWeek = v; return this; }
    public Terms wage(String hourly, String reference) { hourlyWage = new BigDecimal(hourly); minimumWageReference = new BigDecimal(reference); return this; }
    public Terms wageAboveRuleReason(String v) { wageAboveRuleReason = v; return this; }
    public Terms individual(String reason) { form = GrantTerms.Form.INDIVIDUAL; individualReason = reason; return this; }
    public Terms permanent(String reason) { temporary = false; permanentReason = reason; return this; }
    public Terms validUntil(LocalDate v) { validUntil = v; return this; }
    public Terms goals(String... v) { goals = List.of(v); return this; }
    public Terms lessIntrusive(String... v) { lessIntrusive = List.of(v); return this; }

    public GrantTerms build() {
        return new GrantTerms(description, frequency, hoursPerWeek, hoursPerMonth, deductedHours, hoursInPeriod,
                placeSize, daysPerWeek, hourlyWage, minimumWageReference, wageAboveRuleReason, form, individualReason,
                temporary, permanentReason, validUntil, goals, lessIntrusive);
    }
}
