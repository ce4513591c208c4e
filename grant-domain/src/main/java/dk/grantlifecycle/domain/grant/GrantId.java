package dk.grantlifecycle.domain.grant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.shared.Ids;

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
