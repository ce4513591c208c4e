package dk.grantlifecycle.domain.rules;

/** RECEIPT: how a decision reached the citizen. */
public enum DeliveryChannel {
    DIGITAL_POST,
    PAPER,
    IN_PERSON
}
