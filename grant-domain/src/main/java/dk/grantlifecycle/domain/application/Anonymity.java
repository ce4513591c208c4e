package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.shared.AgeBand;

/**
 * ANONYMOUS (§ 109, § 101a, § 99): a case without CPR number or name. The municipality's own
 * {@code caseReference} names it, and the citizen's stated {@code ageBand} stands in for the birth
 * date where a rule needs an age.
 */
public record Anonymity(String caseReference, AgeBand ageBand) {
}
