package dk.grantlifecycle.domain.decision;

import dk.grantlifecycle.domain.shared.RuleId;

import java.time.LocalDate;
import java.time.Period;

/**
 * A follow-up cadence as decided: copied from the rule set in force on the decision date into
 * the decision's events, so that the grant keeps it when newer rules take effect and a replay
 * gives the same deadlines. {@code first} counts from the anchor, {@code every} from each
 * completed follow-up; {@code windowOpens} marks from when a follow-up may be done;
 * {@code fixedDueOn} is set for cadences anchored on a date known at decision (AGE: the citizen's
 * 67th birthday); {@code after} names the follow-up kind whose completion starts a cadence anchored
 * on {@code COMPLETION} (SEL110-FOLLOWUP: the 8 weeks run from the first meeting, RULES.md section 6).
 */
public record Cadence(RuleId rule, FollowUpKind kind, Anchor anchor, Period first, Period windowOpens, Period every,
                      LocalDate fixedDueOn, FollowUpKind after) {

    public Cadence(RuleId rule, FollowUpKind kind, Anchor anchor, Period first, Period windowOpens, Period every,
                   LocalDate fixedDueOn) {
        this(rule, kind, anchor, first, windowOpens, every, fixedDueOn, null);
    }

    /**
     * What a cadence counts its first follow-up from; {@code COMPLETION}: the completion of the
     * follow-up of kind {@code after}.
     */
    public enum Anchor { GRANT, START, BEFORE_END, AFTER_END, AGE, COMPLETION }
}
