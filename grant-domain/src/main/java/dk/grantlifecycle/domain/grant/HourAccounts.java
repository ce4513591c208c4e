package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.GrantCompanionExpenses;
import dk.grantlifecycle.domain.grant.GrantCommands.MoveHours;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordHolidaySupport;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.ParagraphRules.Hours;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleViolation;

import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The accounts a grant keeps: § 97 companion hours (SEL97-15H, SEL97-SAVE-90H, SEL97-DEDUCT),
 * § 98 contact hours (SEL98-HOURS), the companion expenses subsidy and holiday days
 * (SEL85-HOLIDAY-7D). An aggregate member of the grant: commands are answered with the event to
 * apply, and state changes only in its event sourcing handlers.
 */
final class HourAccounts {

    private Hours scheme;
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
        if (scheme != null && Boolean.TRUE.equals(scheme.saveable()) && monthly != null) {
            int expiry = scheme.expiresAfter() == null ? 6 : (int) scheme.expiresAfter().toTotalMonths();
            ledger = new CompanionHoursLedger(YearMonth.from(e.startedOn()), monthly,
                    scheme.saveCap() == null ? Integer.MAX_VALUE : scheme.saveCap(), expiry);
        }
    }

    GrantEvent use(GrantId grantId, Paragraph paragraph, YearMonth month, BigDecimal hours) {
        RuleViolation.require(month != null, "SEL97-SAVE-90H", "month", "is required");
        if (ledger != null) {
            var draws = ledger.plan(month, hours);
            BigDecimal after = ledger.balance(month).subtract(hours);
            return new CompanionHoursUsed(grantId, month, hours, draws, after);
        }
        InvalidState.check(scheme != null && monthly != null, paragraph.label() + " keeps no hour account");
        RuleViolation.require(hours != null && hours.signum() > 0, "SEL98-HOURS", "hours", "hours used must be positive");
        BigDecimal available = available(month);
        RuleViolation.require(hours.compareTo(available) <= 0, "SEL98-HOURS", "hours",
                "only " + available.stripTrailingZeros().toPlainString() + " hours are available in " + month
                        + "; unused hours are not saved, only moved when they could not be used");
        return new ContactHoursUsed(grantId, month, hours);
    }

    GrantEvent move(GrantId grantId, MoveHours c) {
        InvalidState.check(scheme != null && monthly != null, "this grant keeps no hour account");
        RuleViolation.require(Boolean.TRUE.equals(scheme.movable()), ledger != null ? "SEL97-SAVE-90H" : "SEL98-HOURS",
                "from", "these hours are saved under the ledger rules, not moved");
        RuleViolation.require(c.reason() != null && !c.reason().isBlank(), "SEL98-HOURS", "reason",
                "hours are moved only when they could not be used: say why");
        RuleViolation.require(c.hours() != null && c.hours().signum() > 0 && c.hours().compareTo(available(c.from())) <= 0,
                "SEL98-HOURS", "hours", "only unused hours of " + c.from() + " can be moved: " + available(c.from()));
        return new ContactHoursMoved(grantId, c.from(), c.to(), c.hours(), c.reason());
    }

    GrantEvent expenses(GrantId grantId, GrantCompanionExpenses c, ParagraphRules rules) {
        BigDecimal max = rules.companionExpenses() == null ? null : rules.companionExpenses().get(c.year());
        RuleViolation.require(max != null, "SEL97-SAVE-90H", "year", "no companion expenses rate is set for " + c.year());
        RuleViolation.require(!expenseYears.contains(c.year()), "SEL97-SAVE-90H", "year",
                "the subsidy is paid once a year; " + c.year() + " is already granted");
        RuleViolation.require(c.amount() != null && c.amount().signum() > 0 && c.amount().compareTo(max) <= 0,
                "SEL97-SAVE-90H", "amount", "the subsidy for " + c.year() + " is at most " + max + " kr");
        return new CompanionExpensesGranted(grantId, c.year(), c.amount());
    }

    GrantEvent holiday(GrantId grantId, RecordHolidaySupport c, Integer allowedPerYear) {
        RuleViolation.require(allowedPerYear != null, "SEL85-HOLIDAY-7D", "from", "support does not follow on holiday under this grant");
        RuleViolation.require(c.inDenmark(), "SEL85-HOLIDAY-7D", "inDenmark", "the holiday is held in Denmark");
        RuleViolation.require(c.from() != null && c.to() != null && !c.to().isBefore(c.from())
                        && c.from().getYear() == c.to().getYear(), "SEL85-HOLIDAY-7D", "to",
                "a holiday period runs from a date to a later date in the same year");
        int days = (int) ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
        int usedInYear = holidayDays.getOrDefault(c.from().getYear(), 0) + days;
        RuleViolation.require(usedInYear <= allowedPerYear, "SEL85-HOLIDAY-7D", "to",
                "support can follow on holiday up to " + allowedPerYear + " days a year; this would make " + usedInYear);
        return new HolidaySupportRecorded(grantId, c.from(), c.to(), days, usedInYear);
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
