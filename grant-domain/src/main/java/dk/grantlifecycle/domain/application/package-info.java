/**
 * The application (ansøgning, henvendelse) from receipt to decision.
 * <p>
 * Rules: CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER, CASE-REMITTED (case-processing deadlines);
 * SEL85-UNDER25 (routing); SEL101-GUARANTEE (treatment guarantee); the decision judges each
 * requested service (SEL85-PARTIAL) by the rules in force on its date: ELIG-ADULT, SEL85-TARGET,
 * SEL85-PENSIONER, SEL85-NOT-TREATMENT, SEL85-NOT-SINGLE-TASK, SEL103-TARGET, SEL104-TARGET,
 * SEL96-TARGET, SEL97-TARGET, SEL107-TARGET, SEL108-TARGET, EXCL-*, GLX-* (through
 * {@link dk.grantlifecycle.domain.rules.EligibilityCheck}) and the grant terms (SEL85-GOALS,
 * GROUP-FIRST, TEMPORARY-FIRST, LEAST-INTRUSIVE, SEL97-15H, SEL97-DEDUCT, PLACE-SIZE, SEL103-WAGE,
 * through {@link dk.grantlifecycle.domain.grant.TermsCheck}); ACTION-PLAN decides whether a plan
 * must be offered.
 */
package dk.grantlifecycle.domain.application;
