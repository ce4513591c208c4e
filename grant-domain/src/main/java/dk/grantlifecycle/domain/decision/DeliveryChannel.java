package dk.grantlifecycle.domain.decision;

/** RECEIPT: how a decision reached the citizen. */
public enum DeliveryChannel {
    DIGITAL_POST,
    PAPER,
    IN_PERSON
}
