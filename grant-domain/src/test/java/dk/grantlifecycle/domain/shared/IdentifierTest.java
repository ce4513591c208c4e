package dk.grantlifecycle.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed identifiers refuse malformed values as malformed input naming the field (a bad request),
 * not as a broken rule; a rule ID that RULES.md does not know is malformed input too.
 */
class IdentifierTest {

    @Test
    void aMalformedIdIsMalformedInputNamingItsField() {
        assertThatThrownBy(() -> GrantId.of("grant 1")).isInstanceOf(MalformedInput.class)
                .satisfies(e -> assertThat(((MalformedInput) e).field()).isEqualTo("grantId"));
        assertThatThrownBy(() -> ApplicationId.of("short")).isInstanceOf(MalformedInput.class)
                .satisfies(e -> assertThat(((MalformedInput) e).field()).isEqualTo("applicationId"));
        assertThatThrownBy(() -> ComplaintId.of(null)).isInstanceOf(MalformedInput.class);
    }

    @Test
    void aCaseIsItsApplicationOrForOutreachItsGrantLine() {
        assertThat(CaseId.of(ApplicationId.of("application-0001")).value()).isEqualTo("application-0001");
        assertThat(CaseId.ofOutreach(GrantId.of("grant-00000001")).value()).isEqualTo("grant-00000001");
    }

    @Test
    void ruleIdsAreWrittenAsInRulesMd() {
        assertThat(RuleId.of("SEL85-TARGET")).isEqualTo(RuleId.SEL85_TARGET);
        assertThat(RuleId.SEL85_TARGET.id()).isEqualTo("SEL85-TARGET");
        assertThatThrownBy(() -> RuleId.of("SEL85-TARGETS")).isInstanceOf(MalformedInput.class)
                .hasMessageContaining("'SEL85-TARGETS' is not a rule ID of RULES.md");
    }
}
