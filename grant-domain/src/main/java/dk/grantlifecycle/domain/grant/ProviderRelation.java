package dk.grantlifecycle.domain.grant;

/** NO-FAMILY-PROVIDER: how the provider is related to the citizen. */
public enum ProviderRelation {
    NONE,
    RELATIVE,
    CLOSE_NETWORK
}
