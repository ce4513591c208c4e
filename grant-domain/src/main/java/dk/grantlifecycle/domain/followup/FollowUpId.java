package dk.grantlifecycle.domain.followup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.shared.Ids;

public record FollowUpId(String value) {

    public FollowUpId {
        Ids.check(value, "followUpId");
    }

    @JsonCreator
    public static FollowUpId of(String value) {
        return new FollowUpId(value);
    }

    /** Each grant has one follow-up plan, named after it. */
    public static FollowUpId forGrant(dk.grantlifecycle.domain.grant.GrantId grantId) {
        return new FollowUpId(grantId.value() + "-followup");
    }

    public static FollowUpId random() {
        return new FollowUpId(Ids.random());
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
