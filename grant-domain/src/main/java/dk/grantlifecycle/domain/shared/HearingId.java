package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A hearing (partshøring) of the citizen before a decision. */
public record HearingId(String value) {

    public HearingId {
        Ids.check(value, "hearingId");
    }

    @JsonCreator
    public static HearingId of(String value) {
        return new HearingId(value);
    }

    public static HearingId random() {
        return new HearingId(Ids.random());
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
