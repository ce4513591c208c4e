package dk.grantlifecycle.api.security;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentStarted;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whose case an id belongs to, read from the event store (never from a read model, which may lag):
 * the opening event of an application, assessment or grant line names the municipality, the case
 * and the citizen's pseudonymous id. Opening events never change, so answers are cached.
 */
@Component
public class CaseOwners {

    /** The owner of an aggregate: its case, the case's municipality, the citizen's pseudonym (null when anonymous). */
    public record Owner(String caseId, String municipality, String citizenId) {
    }

    private static final int CACHED = 10_000;

    private final EventStore events;
    private final Map<String, Owner> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Owner> eldest) {
            return size() > CACHED;
        }
    });

    public CaseOwners(EventStore events) {
        this.events = events;
    }

    public Optional<Owner> of(String aggregateId) {
        Owner known = cache.get(aggregateId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Owner> owner = opening(aggregateId).flatMap(this::ownerOf);
        owner.ifPresent(o -> cache.put(aggregateId, o));
        return owner;
    }

    private Optional<Object> opening(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        return stream.hasNext() ? Optional.of(stream.next().getPayload()) : Optional.empty();
    }

    private Optional<Owner> ownerOf(Object opening) {
        if (opening instanceof ApplicationReceived e) {
            return Optional.of(new Owner(e.applicationId().value(), e.municipality().value(), e.citizenId() == null ? null : e.citizenId().value()));
        }
        if (opening instanceof AssessmentStarted e) {
            return of(e.applicationId().value()).map(app -> new Owner(app.caseId(), e.municipality().value(), app.citizenId()));
        }
        if (opening instanceof OutreachContactStarted e) {
            return Optional.of(new Owner(e.caseId().value(), e.municipality().value(), e.citizenId() == null ? null : e.citizenId().value()));
        }
        if (opening instanceof GrantEvent.Opened e) {
            return Optional.of(new Owner(e.caseId().value(), e.municipality().value(),
                    e.citizenId() == null ? null : e.citizenId().value()));
        }
        return Optional.empty();
    }
}
