package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.AssessOwnPayment;
import dk.grantlifecycle.domain.grant.GrantCommands.AssessTransportContribution;
import dk.grantlifecycle.domain.grant.GrantEvent.OwnPaymentAssessed;
import dk.grantlifecycle.domain.grant.GrantEvent.TransportContributionAssessed;
import dk.grantlifecycle.domain.rules.ParagraphRules.OwnPayment;
import dk.grantlifecycle.domain.rules.ParagraphRules.Wage;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** The money rules of a grant: OWN-PAYMENT for stays and the § 103 transport share (SEL103-WAGE). */
final class Payments {

    private Payments() {
    }

    /**
     * §§ 109-110: the daily rate of each night's year (rates are indexed each 1 January; a year
     * without an adopted rate is refused rather than guessed); nothing without income. § 107: the
     * proposed payment, capped so the citizen keeps the minimum a month.
     */
    static OwnPaymentAssessed ownPayment(GrantId grantId, CaseId caseId, Paragraph paragraph, AssessOwnPayment c, ParagraphRules rules) {
        OwnPayment own = rules.ownPayment();
        RuleViolation.require(own != null, RuleId.OWN_PAYMENT, "grantId", paragraph.label() + " has no own-payment rules");
        RuleViolation.require(c.from() != null && c.to() != null && c.to().isAfter(c.from()), RuleId.OWN_PAYMENT, "to",
                "a stay runs from a date to a later date");
        if (!c.hasIncome()) {
            return new OwnPaymentAssessed(grantId, caseId, c.from(), c.to(), BigDecimal.ZERO, "no income: no own payment");
        }
        if (own.minimumKept() != null) {
            RuleViolation.require(c.monthlyNetIncome() != null && c.proposedMonthlyPayment() != null, RuleId.OWN_PAYMENT,
                    "monthlyNetIncome", "give the monthly net income and the proposed payment");
            BigDecimal keep = c.mealsIncluded() && own.minimumKeptWithMeals() != null ? own.minimumKeptWithMeals() : own.minimumKept();
            BigDecimal payment = c.proposedMonthlyPayment().min(c.monthlyNetIncome().subtract(keep).max(BigDecimal.ZERO));
            return new OwnPaymentAssessed(grantId, caseId, c.from(), c.to(), payment.setScale(2, RoundingMode.HALF_UP),
                    "monthly, the citizen keeps at least " + keep + " kr");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (LocalDate night : c.from().datesUntil(c.to()).toList()) {
            BigDecimal rate = own.dailyRate() == null ? null : own.dailyRate().get(night.getYear());
            RuleViolation.require(rate != null, RuleId.OWN_PAYMENT, "from",
                    "no daily rate is adopted for " + night.getYear() + "; add the indexed rate to the rule set");
            total = total.add(rate);
        }
        return new OwnPaymentAssessed(grantId, caseId, c.from(), c.to(), total.setScale(2, RoundingMode.HALF_UP),
                "daily rate per night " + own.dailyRate());
    }

    /**
     * SEL103-WAGE: within the radius the citizen pays the daily transport, but never more than the
     * share of net earnings; beyond it the municipality pays the part of the cost for the distance
     * beyond the radius.
     */
    static TransportContributionAssessed transport(GrantId grantId, CaseId caseId, AssessTransportContribution c, ParagraphRules rules) {
        Wage wage = rules.wage();
        RuleViolation.require(wage != null && wage.ownTransportRadiusKm() != null, RuleId.SEL103_WAGE, "grantId",
                "transport rules apply to § 103");
        RuleViolation.require(c.distanceKm() != null && c.distanceKm().signum() > 0 && c.transportCost() != null
                && c.transportCost().signum() >= 0 && c.netEarnings() != null && c.netEarnings().signum() >= 0,
                RuleId.SEL103_WAGE, "transportCost", "give distance, cost and net earnings");
        BigDecimal radius = BigDecimal.valueOf(wage.ownTransportRadiusKm());
        BigDecimal ownPart = c.distanceKm().compareTo(radius) <= 0 ? c.transportCost()
                : c.transportCost().multiply(radius).divide(c.distanceKm(), 2, RoundingMode.HALF_UP);
        BigDecimal cap = c.netEarnings().multiply(wage.transportMaxShareOfEarnings());
        BigDecimal citizen = ownPart.min(cap).setScale(2, RoundingMode.HALF_UP);
        return new TransportContributionAssessed(grantId, caseId, c.month(), citizen,
                c.transportCost().subtract(citizen).setScale(2, RoundingMode.HALF_UP));
    }
}
