/**
 * Shared kernel: typed identifiers, the citizen's personal data part (CPR-VALID,
 * PII-NOT-IN-CLEAR), Copenhagen dates, deadline facets and refusals.
 */
package dk.grantlifecycle.domain.shared;
