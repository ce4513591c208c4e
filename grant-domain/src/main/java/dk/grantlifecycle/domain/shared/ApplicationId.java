package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An application (ansøgning or henvendelse); its id is also the id of the case it starts. */
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
