package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.rules.FollowUpKind;
import dk.grantlifecycle.domain.rules.ParagraphRules.Anchor;

import java.time.LocalDate;
import java.time.Period;

/**
 * A follow-up cadence as decided: copied from the rule set in force on the decision date into
 * the decision's events, so that the grant keeps it when newer rules take effect and a replay
 * gives the same deadlines. {@code fixedDueOn} is set for cadences anchored on a date known at
 * decision (AGE: the citizen's 67th birthday).
 */
public record Cadence(String rule, FollowUpKind kind, Anchor anchor, Period first, Period windowOpens, Period every,
                      LocalDate fixedDueOn) {
}
