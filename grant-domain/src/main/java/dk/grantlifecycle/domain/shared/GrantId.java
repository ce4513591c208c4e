package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One service line of a case, from its decision on (granted or rejected). */
public record GrantId(String value) {

    public GrantId {
        Ids.check(value, "grantId");
    }

    @JsonCreator
    public static GrantId of(String value) {
        return new GrantId(value);
    }

    public static GrantId random() {
        return new GrantId(Ids.random());
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
