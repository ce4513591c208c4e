package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.HoursDrawn;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * SEL97-SAVE-90H: the § 97 companion hours. Each month credits the monthly hours (15 less any
 * deduction, SEL97-DEDUCT); unused hours may be saved up to the cap; each month's unused hours
 * expire when they pass the expiry (only that month's hours); the oldest hours are used first.
 * Usage is recorded month by month in order. The ledger is recomputed from the recorded uses, so
 * planning a use never changes it.
 */
public final class CompanionHoursLedger {

    private record Use(YearMonth month, BigDecimal hours) {
    }

    private static final class Credit {
        final YearMonth month;
        BigDecimal remaining;

        Credit(YearMonth month, BigDecimal remaining) {
            this.month = month;
            this.remaining = remaining;
        }
    }

    private final YearMonth firstMonth;
    private final BigDecimal monthly;
    private final BigDecimal cap;
    private final int expiryMonths;
    private final List<Use> uses = new ArrayList<>();

    public CompanionHoursLedger(YearMonth firstMonth, BigDecimal monthly, int cap, int expiryMonths) {
        this.firstMonth = firstMonth;
        this.monthly = monthly;
        this.cap = BigDecimal.valueOf(cap);
        this.expiryMonths = expiryMonths;
    }

    /** The hours available in {@code month} before any further use. */
    public BigDecimal balance(YearMonth month) {
        return sum(replay(month).credits);
    }

    /** How {@code hours} used in {@code month} would be drawn, oldest first; refuses more than the balance. */
    public List<HoursDrawn> plan(YearMonth month, BigDecimal hours) {
        RuleViolation.require(hours != null && hours.signum() > 0, RuleId.SEL97_SAVE_90H, "hours", "hours used must be positive");
        YearMonth last = uses.isEmpty() ? firstMonth : uses.get(uses.size() - 1).month();
        RuleViolation.require(!month.isBefore(last), RuleId.SEL97_SAVE_90H, "month",
                "hours are recorded month by month; " + last + " is already recorded");
        State state = replay(month);
        BigDecimal available = sum(state.credits);
        RuleViolation.require(hours.compareTo(available) <= 0, RuleId.SEL97_SAVE_90H, "hours",
                "only " + available.stripTrailingZeros().toPlainString() + " hours are available in " + month);
        return state.draw(hours);
    }

    /** The credits left in {@code month} before any further use, oldest first: each with the hours left in it. */
    public List<HoursDrawn> remaining(YearMonth month) {
        return replay(month).credits.stream().map(c -> new HoursDrawn(c.month, c.remaining)).toList();
    }

    /** The last month in which hours credited in {@code creditedIn} can be used. */
    public YearMonth lastMonthOf(YearMonth creditedIn) {
        return creditedIn.plusMonths(expiryMonths - 1L);
    }

    public void record(YearMonth month, BigDecimal hours) {
        uses.add(new Use(month, hours));
    }

    private State replay(YearMonth until) {
        State s = new State(firstMonth.minusMonths(1));
        for (Use u : uses) {
            s.advanceTo(u.month());
            s.draw(u.hours());
        }
        s.advanceTo(until);
        return s;
    }

    private static BigDecimal sum(List<Credit> credits) {
        return credits.stream().map(c -> c.remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private final class State {
        final LinkedList<Credit> credits = new LinkedList<>();
        YearMonth creditedUpTo;

        State(YearMonth creditedUpTo) {
            this.creditedUpTo = creditedUpTo;
        }

        void advanceTo(YearMonth month) {
            while (creditedUpTo.isBefore(month)) {
                creditedUpTo = creditedUpTo.plusMonths(1);
                YearMonth now = creditedUpTo;
                credits.removeIf(c -> !c.month.plusMonths(expiryMonths).isAfter(now));
                BigDecimal credit = monthly.min(cap.subtract(sum(credits)).max(BigDecimal.ZERO));
                if (credit.signum() > 0) {
                    credits.add(new Credit(now, credit));
                }
            }
        }

        List<HoursDrawn> draw(BigDecimal hours) {
            List<HoursDrawn> draws = new ArrayList<>();
            BigDecimal left = hours;
            for (Iterator<Credit> it = credits.iterator(); it.hasNext() && left.signum() > 0; ) {
                Credit c = it.next();
                BigDecimal take = c.remaining.min(left);
                c.remaining = c.remaining.subtract(take);
                left = left.subtract(take);
                draws.add(new HoursDrawn(c.month, take));
                if (c.remaining.signum() == 0) {
                    it.remove();
                }
            }
            return draws;
        }
    }
}
