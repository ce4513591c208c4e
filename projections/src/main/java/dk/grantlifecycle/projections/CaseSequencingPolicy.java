package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.shared.CaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Sequences the projections' events by case, so a parked event holds back only its own case's
 * later events. A case spans several aggregates (application, assessment, grants, follow-up
 * plans), so the aggregate identifier alone would let a grant's later events overtake its parked
 * opening event. Every domain event names its case ({@link CaseEvent}); anything else is
 * sequenced by its aggregate, or on its own.
 * <p>
 * The result is a String: Axon's JDBC dead-letter queue stores a String sequence identifier as
 * is, so the dead-letter table can be searched by case id.
 */
public class CaseSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof CaseEvent e) {
            return e.caseId().value();
        }
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
