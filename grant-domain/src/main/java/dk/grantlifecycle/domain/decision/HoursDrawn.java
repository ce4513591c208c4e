package dk.grantlifecycle.domain.decision;

import java.math.BigDecimal;
import java.time.YearMonth;

/** SEL97-SAVE-90H: hours of a use taken from the credit of {@code creditedIn}. */
public record HoursDrawn(YearMonth creditedIn, BigDecimal hours) {
}
