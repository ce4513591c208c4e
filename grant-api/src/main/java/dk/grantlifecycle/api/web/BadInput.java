package dk.grantlifecycle.api.web;

/** Input the API refuses before any command is sent (400, naming the field). */
public class BadInput extends RuntimeException {

    private final String field;

    public BadInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
