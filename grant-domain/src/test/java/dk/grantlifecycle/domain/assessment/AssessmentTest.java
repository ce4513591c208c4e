package dk.grantlifecycle.domain.assessment;

import dk.grantlifecycle.domain.assessment.AssessmentCommands.CompleteAssessment;
import dk.grantlifecycle.domain.assessment.AssessmentCommands.StartAssessment;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentCompleted;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentStarted;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.RuleViolation;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentTest {

    private static final LocalDate ON = LocalDate.of(2024, 3, 11);
    private static final Evidence DOCTOR = new Evidence(Evidence.Source.DOCTOR, "statement from GP", true, ON);

    private AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private AssessmentStarted started() {
        return new AssessmentStarted(ASSESSMENT, APPLICATION, LEJRE, ON);
    }

    private CompleteAssessment complete(Map<String, VumLevel> scores, List<Evidence> evidence, boolean withCitizen, String why) {
        return new CompleteAssessment(ASSESSMENT, ON.plusDays(7), scores, evidence, withCitizen, why, null);
    }

    @Test
    void anAssessmentStartsForAnApplication() {
        fixture.givenNoPriorActivity()
                .when(new StartAssessment(ASSESSMENT, APPLICATION, LEJRE, ON))
                .expectEvents(started());
    }

    @Test
    @DisplayName("VUM-THEMES: each scored theme is recorded with its FFB term")
    void themesMapToFfbTerms() {
        var scores = scores("PRACTICAL_TASKS", 2, "SOCIAL_LIFE", "D", "HEALTH", "NOT_ASSESSED");
        fixture.given(started())
                .when(complete(scores, List.of(DOCTOR), true, null))
                .expectEvents(new AssessmentCompleted(ASSESSMENT, APPLICATION, ON.plusDays(7), scores,
                        Map.of("PRACTICAL_TASKS", "Praktiske opgaver", "SOCIAL_LIFE", "Relationer", "HEALTH", "Sundhedsforhold"),
                        List.of(DOCTOR), true, null));
    }

    @Test
    @DisplayName("VUM-THEMES: a theme outside the rule set's theme list is refused")
    void unknownThemeIsRefused() {
        fixture.given(started())
                .when(complete(scores("COOKING", 2), List.of(), true, null))
                .expectException(violationOf("VUM-THEMES", "scores.COOKING"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("VUM-SCALE: five levels 0-4 (A-E), and not assessed is not 0")
    void scale() {
        assertThat(VumLevel.parse(0)).isEqualTo(VumLevel.NONE);
        assertThat(VumLevel.parse("E")).isEqualTo(VumLevel.COMPLETE);
        assertThat(VumLevel.parse("c").level()).isEqualTo(2);
        assertThat(VumLevel.parse("NOT_ASSESSED").assessed()).isFalse();
        assertThat(VumLevel.NOT_ASSESSED.within(0, 4)).isFalse();
        assertThatThrownBy(() -> VumLevel.parse(5)).isInstanceOf(RuleViolation.class).hasMessageContaining("0-4");
        assertThatThrownBy(() -> VumLevel.parse(-1)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> VumLevel.parse("F")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> VumLevel.parse(2.5)).isInstanceOf(RuleViolation.class);
    }

    @Test
    @DisplayName("VUM-SCALE: an assessment with only 'not assessed' themes is refused")
    void notAssessedOnlyIsRefused() {
        fixture.given(started())
                .when(complete(scores("HEALTH", "NOT_ASSESSED"), List.of(), true, null))
                .expectException(violationOf("VUM-SCALE", "scores"));
    }

    @Test
    @DisplayName("VUM-EVIDENCE: documentation from others is gathered only with the citizen's consent")
    void evidenceNeedsConsent() {
        fixture.given(started())
                .when(complete(scores("HEALTH", 2), List.of(new Evidence(Evidence.Source.PSYCHIATRY, "discharge letter", false, ON)),
                        true, null))
                .expectException(violationOf("VUM-EVIDENCE", "evidence[0].consentGiven"));
    }

    @Test
    @DisplayName("VUM-EVIDENCE: the assessment is made with the citizen, or records why not")
    void madeWithTheCitizen() {
        fixture.given(started())
                .when(complete(scores("HEALTH", 2), List.of(), false, null))
                .expectException(violationOf("VUM-EVIDENCE", "madeWithCitizen"));
        fixture.given(started())
                .when(complete(scores("HEALTH", 2), List.of(), false, "the citizen was hospitalised; relative present"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAssessmentIsCompletedOnce() {
        fixture.given(started(), new AssessmentCompleted(ASSESSMENT, APPLICATION, ON, scores("HEALTH", 2),
                        Map.of("HEALTH", "Sundhedsforhold"), List.of(), true, null))
                .when(complete(scores("HEALTH", 3), List.of(), true, null))
                .expectException(InvalidState.class);
    }
}
