package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A complaint about one decision of a grant line. */
public record ComplaintId(String value) {

    public ComplaintId {
        Ids.check(value, "complaintId");
    }

    @JsonCreator
    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    public static ComplaintId random() {
        return new ComplaintId(Ids.random());
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
