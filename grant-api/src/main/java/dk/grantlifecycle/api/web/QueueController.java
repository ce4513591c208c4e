package dk.grantlifecycle.api.web;

import dk.grantlifecycle.projections.DeadlineQueue;
import dk.grantlifecycle.projections.DeadlineQueue.SortField;
import dk.grantlifecycle.projections.DeadlineQueue.Status;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The supervisors' deadline queue: every deadline of every kind, filtered by municipality, team,
 * caseworker, rule, paragraph, kind, case, status and due range, sorted and paged, with counts per
 * status for a dashboard.
 */
@RestController
public class QueueController {

    private final DeadlineQueue queue;

    public QueueController(DeadlineQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/deadlines")
    public DeadlineQueue.Page deadlines(@RequestParam(required = false) String municipality,
                                        @RequestParam(required = false) String team,
                                        @RequestParam(required = false) String caseworker,
                                        @RequestParam(required = false) String rule,
                                        @RequestParam(required = false) String paragraph,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(name = "case", required = false) String caseId,
                                        @RequestParam(required = false) List<Status> status,
                                        @RequestParam(required = false) LocalDate dueFrom,
                                        @RequestParam(required = false) LocalDate dueTo,
                                        @RequestParam(defaultValue = "dueOn") String sort,
                                        @RequestParam(defaultValue = "asc") String direction,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadInput("page", "is 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new BadInput("size", "is 1-500");
        }
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw new BadInput("direction", "is asc or desc");
        }
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw new BadInput("dueTo", "is on or after dueFrom");
        }
        Set<Status> statuses = status == null || status.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(status);
        return queue.search(new DeadlineQueue.Filter(municipality, team, caseworker, rule, paragraph, kind, caseId, statuses,
                dueFrom, dueTo), sortField(sort), direction.equalsIgnoreCase("asc"), page, size);
    }

    private static SortField sortField(String sort) {
        String name = sort.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return SortField.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadInput("sort", "one of dueOn, kind, rule, municipality, team, caseworker, paragraph, case");
        }
    }
}
