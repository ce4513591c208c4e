package dk.grantlifecycle.domain.shared;

/**
 * Input that is not well formed (an identifier with characters it may not hold, an unknown rule
 * ID): refused as a bad request naming the field, before any rule is judged.
 */
public class MalformedInput extends RuntimeException {

    private final String field;

    public MalformedInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
