package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.decision.Delivery;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** HEARING: the bodies of a hearing request and its answer, for applications and grants alike. */
public final class HearingRequests {

    private HearingRequests() {
    }

    /** {@code delivery}: how the hearing letter is sent (Digital Post on {@code sentOn} when not given); the answer time runs from its receipt. */
    public record Hearing(LocalDate sentOn, LocalDate answerBy, @NotNull @Size(max = 2000) String facts, Delivery delivery) {
    }

    public record Answer(LocalDate answeredOn, @Size(max = 4000) String answer) {
    }
}
