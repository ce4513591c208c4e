package dk.grantlifecycle.domain.shared;

import java.util.UUID;

/** Validation shared by the typed identifiers: 8-64 letters, digits or dashes (UUIDs as created by the API). */
public final class Ids {

    private Ids() {
    }

    public static String check(String value, String field) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9-]{7,63}")) {
            throw new MalformedInput(field, field + " must be 8-64 letters, digits or dashes");
        }
        return value;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
