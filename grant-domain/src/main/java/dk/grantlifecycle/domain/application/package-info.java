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
 * through {@link dk.grantlifecycle.domain.rules.TermsCheck}); ACTION-PLAN decides whether a plan
 * must be offered.
 * <p>
 * Personal data: CPR-VALID (the citizen's CPR number at receipt), ANONYMOUS (a case reference and a
 * stated age band instead; age rules judge every birth date the band allows), NO-DELETE-WITHOUT-ARCHIVE
 * (erasure of the citizen's personal data, refused while the case is retained unless the archive
 * authority permits it) and PII-NOT-IN-CLEAR (the identity is one {@code @PersonalData} part).
 */
package dk.grantlifecycle.domain.application;
