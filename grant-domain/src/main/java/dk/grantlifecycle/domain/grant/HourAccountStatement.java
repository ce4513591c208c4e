package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.HourScheme;
import dk.grantlifecycle.domain.decision.HoursDrawn;
import dk.grantlifecycle.domain.grant.GrantEvent.CompanionHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursMoved;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A grant's hour account as a caseworker or an auditor reads it in a month, folded from the grant's
 * events by the same rules the grant applies: § 97 companion hours saved month by month up to the
 * cap, each month's credit usable until it expires, used oldest first (SEL97-SAVE-90H); § 98 contact
 * hours given each month and moved between months with a reason (SEL98-HOURS).
 *
 * @param monthly  hours credited or given each month
 * @param saveCap  the most hours that can be saved (§ 97); null when hours are not saved
 * @param balance  the hours available in {@code asOf} before any further use
 * @param credits  § 97: the credits left in {@code asOf}, oldest first, each with its last usable month
 * @param uses     every use, with what it drew from (§ 97)
 * @param moves    § 98: hours moved from one month to another, with why
 */
public record HourAccountStatement(YearMonth asOf, BigDecimal monthly, Integer saveCap, BigDecimal balance, List<Credit> credits,
                                   List<Use> uses, List<Move> moves) {

    public record Credit(YearMonth creditedIn, BigDecimal hoursLeft, YearMonth lastMonth) {
    }

    public record Use(YearMonth month, BigDecimal hours, List<HoursDrawn> drawnFrom) {
    }

    public record Move(YearMonth from, YearMonth to, BigDecimal hours, String reason) {
    }

    /** The account of a grant with these events, in {@code asOf}; empty when the grant keeps no hour account. */
    public static Optional<HourAccountStatement> of(List<?> grantEvents, YearMonth asOf) {
        HourScheme scheme = null;
        BigDecimal monthly = null;
        CompanionHoursLedger ledger = null;
        List<Use> uses = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        BigDecimal contactBalance = BigDecimal.ZERO;
        for (Object e : grantEvents) {
            if (e instanceof ServiceGranted g) {
                scheme = g.decision().hours();
                monthly = g.decision().terms() == null ? null : g.decision().terms().hoursPerMonth();
            } else if (e instanceof ServiceStarted s) {
                ledger = HourAccounts.ledger(scheme, monthly, s.startedOn());
            } else if (e instanceof CompanionHoursUsed u && ledger != null) {
                ledger.record(u.month(), u.hours());
                uses.add(new Use(u.month(), u.hours(), u.drawnFrom()));
            } else if (e instanceof ContactHoursUsed u) {
                uses.add(new Use(u.month(), u.hours(), List.of()));
                contactBalance = u.month().equals(asOf) ? contactBalance.subtract(u.hours()) : contactBalance;
            } else if (e instanceof ContactHoursMoved m) {
                moves.add(new Move(m.from(), m.to(), m.hours(), m.reason()));
                contactBalance = contactBalance.add(m.to().equals(asOf) ? m.hours() : BigDecimal.ZERO)
                        .subtract(m.from().equals(asOf) ? m.hours() : BigDecimal.ZERO);
            }
        }
        if (scheme == null || monthly == null || Boolean.TRUE.equals(scheme.saveable()) && ledger == null) {
            return Optional.empty();
        }
        if (ledger != null) {
            CompanionHoursLedger l = ledger;
            List<Credit> credits = l.remaining(asOf).stream().map(c -> new Credit(c.creditedIn(), c.hours(), l.lastMonthOf(c.creditedIn())))
                    .toList();
            return Optional.of(new HourAccountStatement(asOf, monthly, scheme.saveCap(), l.balance(asOf), credits, List.copyOf(uses),
                    List.copyOf(moves)));
        }
        return Optional.of(new HourAccountStatement(asOf, monthly, null, monthly.add(contactBalance), List.of(), List.copyOf(uses),
                List.copyOf(moves)));
    }
}
