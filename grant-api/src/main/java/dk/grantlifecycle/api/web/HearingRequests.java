package dk.grantlifecycle.api.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** HEARING: the bodies of a hearing request and its answer, for applications and grants alike. */
public final class HearingRequests {

    private HearingRequests() {
    }

    public record Hearing(LocalDate sentOn, LocalDate answerBy, @NotNull @Size(max = 2000) String facts) {
    }

    public record Answer(LocalDate answeredOn, @Size(max = 4000) String answer) {
    }
}
