package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.shared.Copenhagen;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Sends commands with the actor's audit metadata, and gives the API its notion of today. */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final Clock clock;
    private final ReadModelCatchUp catchUp;

    public Commands(CommandGateway gateway, Clock clock, ReadModelCatchUp catchUp) {
        this.gateway = gateway;
        this.clock = clock;
        this.catchUp = catchUp;
    }

    /** Sends the command with the actor's metadata, then lets the read models catch up (read your writes). */
    public <R> R send(Object command, Actor actor) {
        R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.metadata()));
        catchUp.await();
        return result;
    }

    public LocalDate today() {
        return Copenhagen.today(clock);
    }

    /** RECEIPT: how a decision is sent; its dates are facts, never in the future. */
    public dk.grantlifecycle.domain.grant.Delivery delivery(dk.grantlifecycle.domain.grant.Delivery d) {
        if (d == null) {
            return null;
        }
        return new dk.grantlifecycle.domain.grant.Delivery(d.channel(),
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
