package dk.grantlifecycle.domain.shared;

/**
 * A command was refused because it breaks a rule of RULES.md. Carries the rule ID and, where one
 * input is at fault, the name of that field, so the API can answer with problem+json.
 */
public class RuleViolation extends RuntimeException {

    private final String ruleId;
    private final String field;

    public RuleViolation(String ruleId, String field, String message) {
        super(message);
        this.ruleId = ruleId;
        this.field = field;
    }

    public RuleViolation(String ruleId, String message) {
        this(ruleId, null, message);
    }

    public String ruleId() {
        return ruleId;
    }

    public String field() {
        return field;
    }

    /** Throws a violation of {@code ruleId} unless {@code condition} holds. */
    public static void require(boolean condition, String ruleId, String field, String message) {
        if (!condition) {
            throw new RuleViolation(ruleId, field, message);
        }
    }
}
