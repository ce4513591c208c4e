package dk.grantlifecycle.domain.shared;

/**
 * A command does not fit the current state of its aggregate (deciding twice, completing a closed
 * follow-up). Mapped to 409 Conflict: the client's view of the case is out of date.
 */
public class InvalidState extends RuntimeException {

    private final RuleId ruleId;

    public InvalidState(RuleId ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public InvalidState(String message) {
        this(null, message);
    }

    public RuleId ruleId() {
        return ruleId;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidState(message);
        }
    }
}
