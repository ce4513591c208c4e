package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.grant.HourAccountStatement;

import java.time.YearMonth;
import java.util.Optional;

/** Reads a grant's hour account in a month (SEL97-SAVE-90H, SEL98-HOURS). */
@FunctionalInterface
public interface HourAccountReader {

    Optional<HourAccountStatement> read(String grantId, YearMonth month);
}
