/**
 * The vocabulary of decisions that several aggregates, the rules and the events share: decision
 * content and delivery (DECISION-CONTENT, RECEIPT), grant terms, service outcomes, cadences, hour
 * schemes, findings and VUM levels. Values only: this package depends on nothing but the shared
 * kernel, so events built from it carry no rule-file binding types.
 */
package dk.grantlifecycle.domain.decision;
