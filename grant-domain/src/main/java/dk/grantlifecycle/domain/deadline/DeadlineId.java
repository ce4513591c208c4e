package dk.grantlifecycle.domain.deadline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.shared.MalformedInput;

/**
 * A deadline's identity, derived from what it is about: {@code <aggregate>/<purpose>[/<what>]},
 * e.g. {@code <grant>/complaint-window/<decision>}. Being derived, it is known again whenever the
 * deadline is to be met or cancelled, so no scheduler token needs to be kept in an event.
 */
public record DeadlineId(String value) {

    public DeadlineId {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9/-]{7,199}")) {
            throw new MalformedInput("deadlineId", "a deadline id is 8-200 letters, digits, dashes or slashes");
        }
    }

    @JsonCreator
    public static DeadlineId of(String value) {
        return new DeadlineId(value);
    }

    /** The id of the deadline {@code purpose} of {@code aggregate}, optionally about {@code what}. */
    public static DeadlineId of(Object aggregate, String purpose, Object what) {
        return new DeadlineId(aggregate + "/" + purpose + (what == null ? "" : "/" + what));
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
