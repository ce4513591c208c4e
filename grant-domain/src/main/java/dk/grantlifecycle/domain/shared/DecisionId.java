package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A decision (afgørelse): each has its own complaint window and may be complained about. */
public record DecisionId(String value) {

    public DecisionId {
        Ids.check(value, "decisionId");
    }

    @JsonCreator
    public static DecisionId of(String value) {
        return new DecisionId(value);
    }

    public static DecisionId random() {
        return new DecisionId(Ids.random());
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
