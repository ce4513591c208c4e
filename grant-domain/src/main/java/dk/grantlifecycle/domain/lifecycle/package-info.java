/**
 * The one status model: where a case, a service line and a deadline stand (CaseStatus,
 * GrantStatus, DeadlineStatus), as pure functions of the events, and what a deadline asks of the
 * caseworker (DeadlinePrompt: CASE-DEADLINE-LETTER). Every view uses these; none keeps its own.
 */
package dk.grantlifecycle.domain.lifecycle;
