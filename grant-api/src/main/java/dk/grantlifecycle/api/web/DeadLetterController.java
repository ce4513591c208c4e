package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.deadletter.DeadLetters;
import dk.grantlifecycle.api.replay.ProjectionReplay;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the projections could not apply and parked, for operators: the listing (processing group,
 * sequence = case, event id, type and time, cause, attempts; never the event's data) and the retry
 * once the cause is removed. A projection's replay empties its dead letters and handles every event
 * again.
 */
@RestController
public class DeadLetterController {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    public DeadLetters.Listing list(@RequestParam(required = false) String processingGroup,
                                    @RequestParam(required = false) String sequence,
                                    @RequestParam(defaultValue = "100") int limit) {
        if (processingGroup != null) {
            known(processingGroup);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInput("limit", "between 1 and " + MAX_LIMIT);
        }
        return deadLetters.list(processingGroup, sequence, limit);
    }

    /**
     * Retries the projection's parked events: every parked sequence (case), or the one named by
     * {@code sequence}, each applied in order until one fails again.
     */
    @PostMapping("/admin/dead-letters/{processingGroup}/retry")
    public DeadLetters.RetryOutcome retry(@PathVariable String processingGroup, @RequestParam(required = false) String sequence,
                                          Actor actor) {
        known(processingGroup);
        DeadLetters.RetryOutcome outcome = deadLetters.retry(processingGroup, sequence, actor.id());
        if (outcome == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "projection " + processingGroup + " has nothing parked for sequence " + sequence);
            problem.setTitle("Nothing parked");
            problem.setProperty("field", "sequence");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return outcome;
    }

    private static void known(String processingGroup) {
        if (!ProjectionReplay.PROJECTIONS.contains(processingGroup)) {
            throw new BadInput("processingGroup", "one of " + ProjectionReplay.PROJECTIONS);
        }
    }
}
