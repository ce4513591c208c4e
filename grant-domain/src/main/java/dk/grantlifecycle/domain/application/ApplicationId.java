package dk.grantlifecycle.domain.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.shared.Ids;

public record ApplicationId(String value) {

    public ApplicationId {
        Ids.check(value, "applicationId");
    }

    @JsonCreator
    public static ApplicationId of(String value) {
        return new ApplicationId(value);
    }

    public static ApplicationId random() {
        return new ApplicationId(Ids.random());
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
