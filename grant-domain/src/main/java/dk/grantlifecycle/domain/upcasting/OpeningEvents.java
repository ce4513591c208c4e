package dk.grantlifecycle.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The stored payload of an aggregate's first event (sequence 0), as JSON. Events written before
 * every event named its case carry no case id of their own; the case is read from the opening
 * event of their aggregate (a grant's outcome event, a follow-up plan's start).
 */
@FunctionalInterface
public interface OpeningEvents {

    Optional<JsonNode> of(String aggregateIdentifier);
}
