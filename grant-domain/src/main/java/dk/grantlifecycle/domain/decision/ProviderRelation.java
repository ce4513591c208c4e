package dk.grantlifecycle.domain.decision;

/** NO-FAMILY-PROVIDER: how the provider is related to the citizen. */
public enum ProviderRelation {
    NONE,
    RELATIVE,
    CLOSE_NETWORK
}
