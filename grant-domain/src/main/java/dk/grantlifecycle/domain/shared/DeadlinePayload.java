package dk.grantlifecycle.domain.shared;

import java.time.LocalDate;

/**
 * What a scheduled deadline carries: which deadline it is and the date it was due. A handler
 * that receives a payload for a deadline no longer open ignores it, so a deadline fires at most
 * once even if the scheduler delivers it twice.
 */
public record DeadlinePayload(String deadlineKey, LocalDate dueOn) {
}
