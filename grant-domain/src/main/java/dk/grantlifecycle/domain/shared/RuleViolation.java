package dk.grantlifecycle.domain.shared;

/**
 * A command was refused because it breaks a rule of RULES.md. Carries the rule ID and, where one
 * input is at fault, the name of that field, so the API can answer with problem+json.
 */
public class RuleViolation extends RuntimeException {

    private final RuleId ruleId;
    private final String field;

    public RuleViolation(RuleId ruleId, String field, String message) {
        super(message);
        this.ruleId = ruleId;
        this.field = field;
    }

    public RuleViolation(RuleId ruleId, String message) {
        this(ruleId, null, message);
    }

    public RuleId ruleId() {
        return ruleId;
    }

    public String field() {
        return field;
    }

    /** Throws a violation of {@code ruleId} unless {@code condition} holds. */
    public static void require(boolean condition, RuleId ruleId, String field, String message) {
        if (!condition) {
            throw new RuleViolation(ruleId, field, message);
        }
    }
}
