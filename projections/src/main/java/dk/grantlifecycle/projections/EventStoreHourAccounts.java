package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.grant.HourAccountStatement;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The hour account folded from the grant's own events in the event store, by the rules the grant
 * applies ({@link HourAccountStatement}), so the view never computes a balance the grant would not.
 */
@Component
public class EventStoreHourAccounts implements HourAccountReader {

    private final EventStore eventStore;

    public EventStoreHourAccounts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<HourAccountStatement> read(String grantId, YearMonth month) {
        List<Object> events = eventStore.readEvents(grantId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        return HourAccountStatement.of(events, month);
    }
}
