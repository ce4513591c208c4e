package dk.grantlifecycle.domain.decision;

import java.time.LocalDate;

/**
 * RECEIPT: how and when a decision was sent, and when the citizen received it if that is known.
 * Deadlines run from receipt; when it is not recorded the legal calendar derives it.
 */
public record Delivery(DeliveryChannel channel, LocalDate sentOn, LocalDate receivedOn) {

    public static Delivery digitalPost(LocalDate sentOn) {
        return new Delivery(DeliveryChannel.DIGITAL_POST, sentOn, null);
    }
}
