package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A citizen's case: everything that follows from one application (its id is the application's),
 * or, for § 99 outreach support that has no application (SEL99-NO-VISITATION), the outreach grant
 * line. Every event names the case it belongs to, so a case's events can be kept in order across
 * its aggregates (read models, dead letters, Kafka keys) without looking anything up.
 */
public record CaseId(String value) {

    public CaseId {
        Ids.check(value, "caseId");
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    public static CaseId of(ApplicationId application) {
        return new CaseId(application.value());
    }

    /** An outreach case (§ 99) is its grant line: there is no application. */
    public static CaseId ofOutreach(GrantId outreach) {
        return new CaseId(outreach.value());
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
