package dk.grantlifecycle.domain.decision;

import java.time.Period;

/**
 * The hour scheme of a grant as decided, copied from the rules in force at the decision.
 *
 * @param perMonth             hours a month (SEL97-15H)
 * @param individuallyAssessed false when the hours are fixed by law
 * @param saveCap              most hours that may be saved (SEL97-SAVE-90H)
 * @param expiresAfter         a month's unused hours expire this long after the month
 * @param saveable             unused hours may be saved (false for § 98: SEL98-HOURS)
 * @param movable              hours that could not be used may be moved (SEL98-HOURS)
 */
public record HourScheme(Integer perMonth, Boolean individuallyAssessed, Integer saveCap, Period expiresAfter,
                         Boolean saveable, Boolean movable) {
}
