package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A grant's follow-up plan; each grant has one, named after it. */
public record FollowUpId(String value) {

    public FollowUpId {
        Ids.check(value, "followUpId");
    }

    @JsonCreator
    public static FollowUpId of(String value) {
        return new FollowUpId(value);
    }

    public static FollowUpId random() {
        return new FollowUpId(Ids.random());
    }

    /** Each grant has one follow-up plan, named after it. */
    public static FollowUpId forGrant(GrantId grantId) {
        return new FollowUpId(grantId.value() + "-followup");
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
