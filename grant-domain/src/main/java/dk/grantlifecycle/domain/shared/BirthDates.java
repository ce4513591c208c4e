package dk.grantlifecycle.domain.shared;

import java.time.LocalDate;

/**
 * What is known of a citizen's birth date: one date (from a CPR number) or a range (from a stated
 * {@link AgeBand}, ANONYMOUS). Age rules are judged at both ends: the oldest the citizen may be
 * ({@code earliest}) and the youngest ({@code latest}).
 */
public record BirthDates(LocalDate earliest, LocalDate latest) {

    public BirthDates {
        if (earliest == null || latest == null || latest.isBefore(earliest)) {
            throw new IllegalArgumentException("a birth date range runs from its earliest to its latest date");
        }
    }

    public static BirthDates of(LocalDate birthDate) {
        return new BirthDates(birthDate, birthDate);
    }

    public boolean exact() {
        return earliest.equals(latest);
    }
}
