/**
 * The VUM assessment (funktionsevnevurdering).
 * <p>
 * Rules: VUM-SCALE (levels 0-4 / A-E, and "not assessed", which is not 0), VUM-THEMES (themes
 * are data, each mapped to its FFB term), VUM-EVIDENCE (documentation with consent, made with
 * the citizen).
 */
package dk.grantlifecycle.domain.assessment;
