package dk.grantlifecycle.api.web;

/** Input the API refuses before any command is sent (400, naming the field). */
public class BadInput extends RuntimeException {

    private final String field;
    private final String rule;

    public BadInput(String field, String message) {
        this(field, message, null);
    }

    public BadInput(String field, String message, String rule) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** A CPR number from the request, refused as malformed input naming the request's field (CPR-VALID). */
    public static dk.grantlifecycle.domain.shared.Cpr cpr(String value, String field) {
        try {
            return dk.grantlifecycle.domain.shared.Cpr.of(value);
        } catch (dk.grantlifecycle.domain.shared.RuleViolation e) {
            throw new BadInput(field, e.getMessage(), e.ruleId().id());
        }
    }
}
