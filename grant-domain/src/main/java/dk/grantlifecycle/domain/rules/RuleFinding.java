package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.RuleId;

/**
 * Something the loader reports about valid rule files: a municipal value less generous than the
 * law (CONFLICT, the law's value applies) or a source value kept as written but flagged (FLAG).
 */
public record RuleFinding(Kind kind, RuleId rule, String file, String field, String message) {

    public enum Kind { CONFLICT, FLAG }

    @Override
    public String toString() {
        return kind + " " + rule + " in " + file + " at " + field + ": " + message;
    }
}
