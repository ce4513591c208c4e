package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
import dk.grantlifecycle.projections.DeadlineQueue.SortField;
import dk.grantlifecycle.projections.DeadlineQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The supervisors' deadline queue: every deadline of every kind of the caller's municipality, filtered by team,
 * caseworker, rule, paragraph, kind, case, status and due range, sorted and paged, with counts per
 * status for a dashboard.
 */
@RestController
public class QueueController {

    private final DeadlineQueue queue;
    private final dk.grantlifecycle.api.security.Tenancy tenancy;

    public QueueController(DeadlineQueue queue, dk.grantlifecycle.api.security.Tenancy tenancy) {
        this.queue = queue;
        this.tenancy = tenancy;
    }

    @GetMapping("/deadlines")
    public DeadlineQueue.Page deadlines(@RequestParam(required = false) String municipality,
                                        @RequestParam(required = false) String team,
                                        @RequestParam(required = false) String caseworker,
                                        @RequestParam(required = false) String rule,
                                        @RequestParam(required = false) String paragraph,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(name = "case", required = false) String caseId,
                                        @RequestParam(required = false) List<DeadlineStatus> status,
                                        @RequestParam(required = false) LocalDate dueFrom,
                                        @RequestParam(required = false) LocalDate dueTo,
                                        @RequestParam(defaultValue = "dueOn") String sort,
                                        @RequestParam(defaultValue = "asc") String direction,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size,
                                        jakarta.servlet.http.HttpServletRequest request) {
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
        // Scoped to the caller's municipality whatever the parameters say.
        java.util.Optional<String> scoped = tenancy.scope(municipality, request);
        if (scoped.isEmpty()) {
            java.util.Map<DeadlineStatus, Long> none = new java.util.EnumMap<>(DeadlineStatus.class);
            for (DeadlineStatus s : DeadlineStatus.values()) {
                none.put(s, 0L);
            }
            return new DeadlineQueue.Page(List.of(), page, size, 0, none);
        }
        municipality = scoped.get();
        Set<DeadlineStatus> statuses = status == null || status.isEmpty() ? EnumSet.noneOf(DeadlineStatus.class) : EnumSet.copyOf(status);
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
