package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A pseudonymous identifier of a citizen, safe to log and to publish. It links a citizen's cases
 * without revealing the CPR number; the mapping lives outside the events.
 */
public record CitizenId(String value) {

    public CitizenId {
        if (value == null || !value.matches("[A-Za-z0-9-]{8,64}")) {
            throw new MalformedInput("citizenId", "a citizen id is 8-64 letters, digits or dashes");
        }
    }

    @JsonCreator
    public static CitizenId of(String value) {
        return new CitizenId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
