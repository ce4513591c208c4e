package dk.grantlifecycle.domain.shared;

/**
 * A command does not fit the current state of its aggregate (deciding twice, completing a closed
 * follow-up). Mapped to 409 Conflict: the client's view of the case is out of date.
 */
public class InvalidState extends RuntimeException {

    private final String ruleId;

    public InvalidState(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public InvalidState(String message) {
        this(null, message);
    }

    public String ruleId() {
        return ruleId;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidState(message);
        }
    }
}
