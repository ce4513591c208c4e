package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.application.ApplicationId;
import dk.grantlifecycle.domain.shared.DeadlineKind;
import dk.grantlifecycle.projections.CaseQueries;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A case as the caseworker sees it now: its state, its service lines and its open deadlines. */
@RestController
@RequestMapping("/cases")
public class CaseController {

    private final CaseQueries queries;

    public CaseController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    public CaseQueries.CaseView get(@PathVariable String id) {
        return queries.caseById(ApplicationId.of(id).value()).orElseThrow(() -> new AggregateNotFoundException(id, "no case " + id));
    }

    /** The case's deadlines: open ones, or all with {@code all=true}; {@code kind} narrows to one kind. */
    @GetMapping("/{id}/deadlines")
    public List<CaseQueries.DeadlineView> deadlines(@PathVariable String id, @RequestParam(defaultValue = "false") boolean all,
                                                    @RequestParam(required = false) DeadlineKind kind) {
        return queries.deadlinesOfCase(ApplicationId.of(id).value(), !all).stream()
                .filter(d -> kind == null || d.kind().equals(kind.name()))
                .toList();
    }
}
