package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.HourScheme;
import dk.grantlifecycle.domain.grant.GrantCommands.GrantCompanionExpenses;
import dk.grantlifecycle.domain.grant.GrantCommands.MoveHours;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordHolidaySupport;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The accounts a grant keeps: § 97 companion hours (SEL97-15H, SEL97-SAVE-90H, SEL97-DEDUCT),
 * § 98 contact hours (SEL98-HOURS), the companion expenses subsidy and holiday days
 * (SEL85-HOLIDAY-7D). An aggregate member of the grant: it checks a use, move or subsidy against
 * its own state and applies the event; its state changes only in its event sourcing handlers.
 */
final class HourAccounts {

    private HourScheme scheme;
    private BigDecimal monthly;
    private CompanionHoursLedger ledger;
    private final Map<YearMonth, BigDecimal> used = new HashMap<>();
    private final Map<YearMonth, BigDecimal> moved = new HashMap<>();
    private final Set<Integer> expenseYears = new HashSet<>();
    private final Map<Integer, Integer> holidayDays = new HashMap<>();

    @EventSourcingHandler
    void on(ServiceGranted e) {
        scheme = e.decision().hours();
        monthly = e.decision().terms() == null ? null : e.decision().terms().hoursPerMonth();
    }

    @EventSourcingHandler
    void on(ServiceStarted e) {
        ledger = ledger(scheme, monthly, e.startedOn());
    }

    /** SEL97-SAVE-90H: the ledger of saveable hours from the month the service starts; null when hours are not saved. */
    static CompanionHoursLedger ledger(HourScheme scheme, BigDecimal monthly, LocalDate startedOn) {
        if (scheme == null || !Boolean.TRUE.equals(scheme.saveable()) || monthly == null) {
            return null;
        }
        // The expiry comes from the rule files (SEL97-SAVE-90H: hours.expiresAfter), which the rule file
        // validator requires wherever hours are saveable; there is no default here.
        if (scheme.expiresAfter() == null) {
            throw new IllegalStateException("a saveable hour scheme without hours.expiresAfter: " + scheme);
        }
        int expiry = (int) scheme.expiresAfter().toTotalMonths();
        return new CompanionHoursLedger(YearMonth.from(startedOn), monthly, scheme.saveCap() == null ? Integer.MAX_VALUE : scheme.saveCap(),
                expiry);
    }

    void use(GrantId grantId, CaseId caseId, Paragraph paragraph, YearMonth month, BigDecimal hours) {
        RuleViolation.require(month != null, RuleId.SEL97_SAVE_90H, "month", "is required");
        if (ledger != null) {
            var draws = ledger.plan(month, hours);
            BigDecimal after = ledger.balance(month).subtract(hours);
            apply(new CompanionHoursUsed(grantId, caseId, month, hours, draws, after));
            return;
        }
        InvalidState.check(scheme != null && monthly != null, paragraph.label() + " keeps no hour account");
        RuleViolation.require(hours != null && hours.signum() > 0, RuleId.SEL98_HOURS, "hours", "hours used must be positive");
        BigDecimal available = available(month);
        RuleViolation.require(hours.compareTo(available) <= 0, RuleId.SEL98_HOURS, "hours",
                "only " + available.stripTrailingZeros().toPlainString() + " hours are available in " + month
                        + "; unused hours are not saved, only moved when they could not be used");
        apply(new ContactHoursUsed(grantId, caseId, month, hours));
    }

    void move(GrantId grantId, CaseId caseId, MoveHours c) {
        InvalidState.check(scheme != null && monthly != null, "this grant keeps no hour account");
        RuleViolation.require(Boolean.TRUE.equals(scheme.movable()), ledger != null ? RuleId.SEL97_SAVE_90H : RuleId.SEL98_HOURS,
                "from", "these hours are saved under the ledger rules, not moved");
        RuleViolation.require(c.reason() != null && !c.reason().isBlank(), RuleId.SEL98_HOURS, "reason",
                "hours are moved only when they could not be used: say why");
        RuleViolation.require(c.hours() != null && c.hours().signum() > 0 && c.hours().compareTo(available(c.from())) <= 0,
                RuleId.SEL98_HOURS, "hours", "only unused hours of " + c.from() + " can be moved: " + available(c.from()));
        apply(new ContactHoursMoved(grantId, caseId, c.from(), c.to(), c.hours(), c.reason()));
    }

    void expenses(GrantId grantId, CaseId caseId, GrantCompanionExpenses c, ParagraphRules rules) {
        BigDecimal max = rules.companionExpenses() == null ? null : rules.companionExpenses().get(c.year());
        RuleViolation.require(max != null, RuleId.SEL97_SAVE_90H, "year", "no companion expenses rate is set for " + c.year());
        RuleViolation.require(!expenseYears.contains(c.year()), RuleId.SEL97_SAVE_90H, "year",
                "the subsidy is paid once a year; " + c.year() + " is already granted");
        RuleViolation.require(c.amount() != null && c.amount().signum() > 0 && c.amount().compareTo(max) <= 0,
                RuleId.SEL97_SAVE_90H, "amount", "the subsidy for " + c.year() + " is at most " + max + " kr");
        apply(new CompanionExpensesGranted(grantId, caseId, c.year(), c.amount()));
    }

    void holiday(GrantId grantId, CaseId caseId, RecordHolidaySupport c, Integer allowedPerYear) {
        RuleViolation.require(allowedPerYear != null, RuleId.SEL85_HOLIDAY_7D, "from", "support does not follow on holiday under this grant");
        RuleViolation.require(c.inDenmark(), RuleId.SEL85_HOLIDAY_7D, "inDenmark", "the holiday is held in Denmark");
        RuleViolation.require(c.from() != null && c.to() != null && !c.to().isBefore(c.from())
                        && c.from().getYear() == c.to().getYear(), RuleId.SEL85_HOLIDAY_7D, "to",
                "a holiday period runs from a date to a later date in the same year");
        int days = (int) ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
        int usedInYear = holidayDays.getOrDefault(c.from().getYear(), 0) + days;
        RuleViolation.require(usedInYear <= allowedPerYear, RuleId.SEL85_HOLIDAY_7D, "to",
                "support can follow on holiday up to " + allowedPerYear + " days a year; this would make " + usedInYear);
        apply(new HolidaySupportRecorded(grantId, caseId, c.from(), c.to(), days, usedInYear));
    }

    private BigDecimal available(YearMonth month) {
        return monthly.add(moved.getOrDefault(month, BigDecimal.ZERO)).subtract(used.getOrDefault(month, BigDecimal.ZERO));
    }

    @EventSourcingHandler
    void on(CompanionHoursUsed e) {
        ledger.record(e.month(), e.hours());
    }

    @EventSourcingHandler
    void on(ContactHoursUsed e) {
        used.merge(e.month(), e.hours(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(ContactHoursMoved e) {
        moved.merge(e.from(), e.hours().negate(), BigDecimal::add);
        moved.merge(e.to(), e.hours(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(CompanionExpensesGranted e) {
        expenseYears.add(e.year());
    }

    @EventSourcingHandler
    void on(HolidaySupportRecorded e) {
        holidayDays.put(e.from().getYear(), e.usedInYear());
    }

}
