package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
    private final EventStore eventStore;

    public CaseController(CaseQueries queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    /**
     * The citizen of a case as recorded at receipt. {@code personalData} is PRESENT (with CPR number and
     * name), ERASED (the citizen's key is destroyed: both read as null) or ANONYMOUS (none recorded; the
     * case reference and stated age band instead).
     */
    public record CitizenData(String caseId, String citizenId, String personalData, String cpr, String name,
                              String caseReference, String ageBand) {
        @Override
        public String toString() {
            return "CitizenData[" + caseId + ", " + personalData + "]";
        }
    }

    /**
     * PII-NOT-IN-CLEAR: the one read of a citizen's CPR number and name, decrypted from the event store
     * with the citizen's key on each request (read models hold none).
     */
    @GetMapping("/{id}/citizen")
    public CitizenData citizen(@PathVariable String id) {
        String caseId = ApplicationId.of(id).value();
        ApplicationReceived received = eventStore.readEvents(caseId).asStream().findFirst()
                .map(m -> m.getPayload() instanceof ApplicationReceived e ? e : null)
                .orElseThrow(() -> new AggregateNotFoundException(id, "no case " + id));
        CitizenIdentity who = received.citizen();
        String state = who == null ? "ANONYMOUS" : who.erased() ? "ERASED" : "PRESENT";
        boolean readable = who != null && !who.erased();
        return new CitizenData(caseId, received.citizenId() == null ? null : received.citizenId().value(), state,
                readable ? who.cpr().value() : null, readable ? who.name() : null,
                received.anonymous() == null ? null : received.anonymous().caseReference(),
                received.anonymous() == null || received.anonymous().ageBand() == null ? null
                        : received.anonymous().ageBand().toString());
    }

    /**
     * The case now. {@code readModelIncomplete} is true while a projection has parked some of its
     * events ({@code parkedEvents}); a case whose first event is parked answers with its id and the flag
     * rather than 404.
     */
    @GetMapping("/{id}")
    public CaseQueries.CaseView get(@PathVariable String id) {
        return queries.caseOrParked(ApplicationId.of(id).value()).orElseThrow(() -> new AggregateNotFoundException(id, "no case " + id));
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
