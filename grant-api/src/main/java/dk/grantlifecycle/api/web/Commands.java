package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.shared.Copenhagen;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Sends commands with the actor's audit metadata, and gives the API its notion of today. A command
 * runs in the request's transaction ({@code CommandTransactionFilter}), which commits it, answers
 * with its event position and lets the read models catch up (read your writes).
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final Clock clock;

    public Commands(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Sends the command with the actor's metadata and waits for its handler; the request's transaction commits it. */
    public <R> R send(Object command, Actor actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.metadata()));
    }

    public LocalDate today() {
        return Copenhagen.today(clock);
    }

    /** RECEIPT: how a decision is sent; its dates are facts, never in the future. */
    public dk.grantlifecycle.domain.decision.Delivery delivery(dk.grantlifecycle.domain.decision.Delivery d) {
        if (d == null) {
            return null;
        }
        return new dk.grantlifecycle.domain.decision.Delivery(d.channel(),
                d.sentOn() == null ? null : happenedOn(d.sentOn(), "delivery.sentOn"),
                d.receivedOn() == null ? null : happenedOn(d.receivedOn(), "delivery.receivedOn"));
    }

    /** A date a fact happened on: defaults to today, and is never in the future. */
    public LocalDate happenedOn(LocalDate date, String field) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new BadInput(field, "is a date after today (" + today + "); record facts when they have happened");
        }
        return date;
    }
}
