package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A VUM assessment (funktionsevnevurdering). */
public record AssessmentId(String value) {

    public AssessmentId {
        Ids.check(value, "assessmentId");
    }

    @JsonCreator
    public static AssessmentId of(String value) {
        return new AssessmentId(value);
    }

    public static AssessmentId random() {
        return new AssessmentId(Ids.random());
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
