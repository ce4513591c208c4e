/**
 * Rules as data: one YAML file per municipality and adoption date (and one per version of the
 * law) under {@code rules/}, validated at start, layered and resolved by {@link
 * dk.grantlifecycle.domain.rules.RuleBook}; the legal calendar ({@link
 * dk.grantlifecycle.domain.rules.LegalCalendar}) is the one place that computes legal dates. The
 * checks and timings that apply the rules in force to a decision live here too: eligibility
 * (EligibilityCheck), terms (TermsCheck), cadences (Cadences), receipt and content (DecisionRules),
 * effects and reconsideration (ComplaintRules).
 * <p>
 * Findings: SEL98-NOTICE-SOURCE-CONFLICT (a municipal value less generous than the law is
 * reported; the law applies), GLX-RETAIN (a contradictory source value is kept as written and
 * flagged).
 */
package dk.grantlifecycle.domain.rules;
