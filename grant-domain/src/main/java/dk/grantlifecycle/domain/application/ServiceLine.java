package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.shared.GrantId;

/** A requested service and the grant line a decision opened for it, as the deciding command answers. */
public record ServiceLine(String serviceCode, GrantId grantId) {
}
