package dk.grantlifecycle.domain.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

/**
 * VUM-SCALE: five levels, 0 ingen (A), 1 let (B), 2 moderat (C), 3 svært (D), 4 fuldstændigt
 * (E), and "ikke vurderet" (not assessed), which is not 0. Written as 0-4, A-E or NOT_ASSESSED.
 */
public enum VumLevel {
    NONE(0, 'A', "Ingen"),
    MILD(1, 'B', "Let"),
    MODERATE(2, 'C', "Moderat"),
    SEVERE(3, 'D', "Svært"),
    COMPLETE(4, 'E', "Fuldstændigt"),
    NOT_ASSESSED(-1, '-', "Ikke vurderet");

    private final int level;
    private final char letter;
    private final String ffb;

    VumLevel(int level, char letter, String ffb) {
        this.level = level;
        this.letter = letter;
        this.ffb = ffb;
    }

    public boolean assessed() {
        return this != NOT_ASSESSED;
    }

    /** The level 0-4; not defined for NOT_ASSESSED. */
    public int level() {
        if (!assessed()) {
            throw new IllegalStateException("not assessed has no level");
        }
        return level;
    }

    public char letter() {
        return letter;
    }

    public String ffb() {
        return ffb;
    }

    public boolean within(int min, int max) {
        return assessed() && level >= min && level <= max;
    }

    public static VumLevel ofLevel(int level) {
        for (VumLevel l : values()) {
            if (l.assessed() && l.level == level) {
                return l;
            }
        }
        throw new RuleViolation(RuleId.VUM_SCALE, "level", "a VUM level is 0-4 (A-E), was " + level);
    }

    @JsonCreator
    public static VumLevel parse(Object value) {
        if (value instanceof Number n) {
            if (n.doubleValue() != n.intValue()) {
                throw new RuleViolation(RuleId.VUM_SCALE, "level", "a VUM level is a whole number 0-4, was " + n);
            }
            return ofLevel(n.intValue());
        }
        String s = String.valueOf(value).trim().toUpperCase(java.util.Locale.ROOT);
        if (s.matches("-?\\d+")) {
            return ofLevel(Integer.parseInt(s));
        }
        if (s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'E') {
            return ofLevel(s.charAt(0) - 'A');
        }
        if (s.equals("NOT_ASSESSED") || s.equals("IKKE VURDERET")) {
            return NOT_ASSESSED;
        }
        for (VumLevel l : values()) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        throw new RuleViolation(RuleId.VUM_SCALE, "level",
                "a VUM level is 0-4, A-E or NOT_ASSESSED, was '" + value + "'");
    }

    /** Written as the number 0-4, or NOT_ASSESSED. */
    @JsonValue
    public Object json() {
        return assessed() ? (Object) level : "NOT_ASSESSED";
    }
}
