package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * A Danish CPR number (CPR-VALID): ten digits DDMMYY-SSSS with a valid birth date; the century
 * comes from the seventh digit. No modulus-11 check: numbers issued since 2007 may fail it.
 * {@link #toString()} never shows the number (PII-NOT-IN-CLEAR).
 */
@PersonalData
public record Cpr(String value) {

    public Cpr {
        if (value == null) {
            throw new RuleViolation(RuleId.CPR_VALID, "cpr", "a CPR number is required");
        }
        String digits = value.replace("-", "");
        if (!digits.matches("\\d{10}") || !value.matches("\\d{6}-?\\d{4}")) {
            throw new RuleViolation(RuleId.CPR_VALID, "cpr", "a CPR number is 10 digits DDMMYY-SSSS");
        }
        value = digits;
        birthDateOf(value);
    }

    @JsonCreator
    public static Cpr of(String value) {
        return new Cpr(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    private static LocalDate birthDateOf(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        int century;
        if (seventh <= 3) {
            century = 1900;
        } else if (seventh == 4 || seventh == 9) {
            century = yy <= 36 ? 2000 : 1900;
        } else {
            century = yy <= 57 ? 2000 : 1800;
        }
        try {
            return LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            throw new RuleViolation(RuleId.CPR_VALID, "cpr", "the CPR number does not hold a valid birth date");
        }
    }

    @Override
    public String toString() {
        return "Cpr[******-****]";
    }
}
