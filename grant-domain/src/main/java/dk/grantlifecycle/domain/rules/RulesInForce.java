package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.shared.Paragraph;

/** The rules for one municipality and paragraph on one date, with the version that supplied them. */
public record RulesInForce(RuleSetVersion version, Paragraph paragraph, General general, ParagraphRules rules) {
}
