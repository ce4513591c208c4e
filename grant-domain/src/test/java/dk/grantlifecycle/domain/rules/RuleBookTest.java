package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.TestRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How rule files are loaded, layered and refused, proven on the tests' own rule files
 * (rules-fixture), so that a municipality's shipped file can change without breaking these tests.
 * What the shipped files say is {@link ShippedRulesTest}'s concern.
 */
class RuleBookTest {

    private static final MunicipalityId LEJRE = MunicipalityId.of("lejre");
    private final RuleBook book = TestRules.FIXTURE;

    @Test
    @DisplayName("SEL85-REASSESS-12W / SEL85-FOLLOWUP-6M: Lejre's § 85 cadence is the one in force on the date")
    void lejreSection85CadenceDependsOnTheDate() {
        RulesInForce old = book.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 8, 10));
        RulesInForce now = book.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2025, 8, 11));
        assertThat(old.version()).isEqualTo(new RuleSetVersion("lejre", LocalDate.of(2015, 9, 7), LocalDate.of(2018, 7, 1)));
        assertThat(old.rules().followUpsOrEmpty()).extracting(ParagraphRules.FollowUpRule::rule).contains(RuleId.SEL85_REASSESS_12W);
        assertThat(old.rules().followUpsOrEmpty().get(0).first()).isEqualTo(Period.ofWeeks(12));
        assertThat(now.version().adopted()).isEqualTo(LocalDate.of(2025, 8, 11));
        assertThat(now.rules().followUpsOrEmpty()).extracting(ParagraphRules.FollowUpRule::rule).containsExactly(RuleId.SEL85_FOLLOWUP_6M);
        assertThat(now.rules().eligibility().levels().min()).as("the law's level check still applies").isEqualTo(2);
    }

    @Test
    @DisplayName("CASE-DEADLINE: published case-processing times are data: Lejre 5 weeks, Aabenraa 2 months")
    void caseProcessingTimesAreData() {
        assertThat(book.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2024, 1, 1)).rules().caseProcessing()).isEqualTo(Period.ofWeeks(5));
        assertThat(book.inForce(MunicipalityId.of("aabenraa"), Paragraph.SEL85, LocalDate.of(2024, 1, 1)).rules().caseProcessing())
                .isEqualTo(Period.ofMonths(2));
    }

    @Test
    @DisplayName("SEL98-NOTICE-SOURCE-CONFLICT: Lejre's '14 dage' is reported and the law's 14 weeks apply")
    void section98NoticeConflictIsReportedAndTheLawApplies() {
        RulesInForce sel98 = book.inForce(LEJRE, Paragraph.SEL98, LocalDate.of(2025, 12, 1));
        assertThat(sel98.rules().notice()).isEqualTo(Period.ofWeeks(14));
        assertThat(book.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(RuleFinding.Kind.CONFLICT);
            assertThat(f.rule()).isEqualTo(RuleId.SEL98_NOTICE_SOURCE_CONFLICT);
            assertThat(f.file()).isEqualTo("lejre/2025-10-06.yaml");
            assertThat(f.field()).isEqualTo("paragraphs.SEL98.notice");
        });
    }

    @Test
    @DisplayName("GLX-RETAIN: the contradictory source levels are kept as written and flagged")
    void glxRetainIsFlagged() {
        assertThat(book.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(RuleFinding.Kind.FLAG);
            assertThat(f.rule()).isEqualTo(RuleId.GLX_RETAIN);
        });
        var retain = book.inForce(MunicipalityId.of("gladsaxe"), Paragraph.SEL85, LocalDate.of(2024, 1, 1)).rules()
                .services().get("GLX-RETAIN");
        assertThat(retain.criteria().get(0).levels()).containsExactly(2, 4);
    }

    @Test
    void aDecisionBeforeAnyRulesIsRefused() {
        assertThatThrownBy(() -> book.inForce(LEJRE, Paragraph.SEL85, LocalDate.of(2010, 1, 1)))
                .hasMessageContaining("no rules were in force");
    }

    @Test
    void anUnknownMunicipalityIsRefused() {
        assertThatThrownBy(() -> book.inForce(MunicipalityId.of("roskilde"), Paragraph.SEL85, LocalDate.of(2024, 1, 1)))
                .hasMessageContaining("no rule set is loaded for municipality 'roskilde'");
    }

    @Test
    void aNewMunicipalityIsAFile() {
        List<RuleSource> sources = new ArrayList<>(TestRules.fixtureSources());
        sources.add(new RuleSource("roskilde/2026-01-01.yaml", """
                kind: MUNICIPALITY
                municipality: roskilde
                name: Roskilde Kommune
                effectiveFrom: 2026-01-01
                paragraphs:
                  SEL85:
                    caseProcessing: P6W
                """));
        RuleBook withRoskilde = RuleBook.load(sources);
        assertThat(withRoskilde.inForce(MunicipalityId.of("roskilde"), Paragraph.SEL85, LocalDate.of(2026, 2, 1))
                .rules().caseProcessing()).isEqualTo(Period.ofWeeks(6));
    }

    @Test
    void anInvalidFileNamesTheFileTheFieldAndTheProblem() {
        List<RuleSource> sources = new ArrayList<>(TestRules.fixtureSources());
        sources.add(new RuleSource("roskilde/2026-01-01.yaml", """
                kind: MUNICIPALITY
                municipality: roskilde
                effectiveFrom: 2026-01-01
                paragraphs:
                  SEL85:
                    followUps:
                      - { rule: SEL85-FOLLOWUP-6M, kind: FOLLOW_UP, anchor: GRANT, first: P-6M }
                    eligibility:
                      levels: { min: 2, max: 7, rule: SEL85-TARGET }
                """));
        assertThatThrownBy(() -> RuleBook.load(sources))
                .isInstanceOf(InvalidRuleFiles.class)
                .hasMessageContaining("roskilde/2026-01-01.yaml: field 'paragraphs.SEL85.followUps[0].first': must be a positive period")
                .hasMessageContaining("roskilde/2026-01-01.yaml: field 'paragraphs.SEL85.eligibility.levels.max': VUM-SCALE: a level is 0-4, was 7");
    }

    @Test
    void anUnknownFieldOrRuleIdIsRefused() {
        List<RuleSource> sources = new ArrayList<>(TestRules.fixtureSources());
        sources.add(new RuleSource("roskilde/2026-01-01.yaml", """
                kind: MUNICIPALITY
                municipality: roskilde
                effectiveFrom: 2026-01-01
                paragraphs:
                  SEL85:
                    folowUps: []
                """));
        assertThatThrownBy(() -> RuleBook.load(sources))
                .hasMessageContaining("roskilde/2026-01-01.yaml: field 'paragraphs.SEL85.folowUps'");
        List<RuleSource> badRule = new ArrayList<>(TestRules.fixtureSources());
        badRule.add(new RuleSource("roskilde/2026-01-01.yaml", """
                kind: MUNICIPALITY
                municipality: roskilde
                effectiveFrom: 2026-01-01
                paragraphs:
                  SEL85:
                    followUps:
                      - { rule: SEL85-FOLOWUP, kind: FOLLOW_UP, anchor: GRANT, first: P6M }
                """));
        // An unknown rule ID does not bind to a RuleId: refused like any bad value, with its file and field.
        assertThatThrownBy(() -> RuleBook.load(badRule))
                .isInstanceOf(InvalidRuleFiles.class)
                .hasMessageContaining("roskilde/2026-01-01.yaml: field 'paragraphs.SEL85.followUps[0].rule'")
                .hasMessageContaining("'SEL85-FOLOWUP' is not a rule ID of RULES.md");
    }

    @Test
    void aFileWhoseDateDoesNotMatchItsNameIsRefused() {
        List<RuleSource> sources = new ArrayList<>(TestRules.fixtureSources());
        sources.add(new RuleSource("roskilde/2026-01-01.yaml", """
                kind: MUNICIPALITY
                municipality: roskilde
                effectiveFrom: 2026-02-01
                """));
        assertThatThrownBy(() -> RuleBook.load(sources)).hasMessageContaining("effectiveFrom");
    }

    @Test
    @DisplayName("RULESET: a municipality's file that sets an assumed value itself overrides the law file's assumption, from its adoption date")
    void aMunicipalityOverridesAnAssumption() {
        var sources = new java.util.ArrayList<>(dk.grantlifecycle.domain.support.TestRules.fixtureSources());
        sources.add(new RuleSource("aabenraa/2026-01-05.yaml", """
                kind: MUNICIPALITY
                municipality: aabenraa
                name: Aabenraa Kommune
                effectiveFrom: 2026-01-05
                source: "a test standard that fixes the hearing time"
                general:
                  hearingMinimum: P10D
                """));
        RuleBook withOwn = RuleBook.load(sources);
        MunicipalityId aabenraa = MunicipalityId.of("aabenraa");
        var listed = withOwn.assumptions().get(aabenraa);
        // Listed from the law's start, and no longer in force once Aabenraa's own value is.
        assertThat(listed).filteredOn(a -> a.field().equals("hearingMinimum")).singleElement()
                .satisfies(a -> assertThat(a.file()).isEqualTo("law/2018-07-01.yaml"));
        assertThat(withOwn.general(aabenraa, LocalDate.of(2026, 1, 4)).assumptions())
                .extracting(dk.grantlifecycle.domain.rules.ParagraphRules.Assumption::field).contains("hearingMinimum");
        assertThat(withOwn.general(aabenraa, LocalDate.of(2026, 1, 5)).assumptions())
                .extracting(dk.grantlifecycle.domain.rules.ParagraphRules.Assumption::field).doesNotContain("hearingMinimum")
                .contains("reductionNotice");
        assertThat(withOwn.general(aabenraa, LocalDate.of(2026, 1, 5)).hearingMinimum()).isEqualTo(Period.ofDays(10));
    }

    @Test
    @DisplayName("RULESET: an assumption must say source: assumption and give its reason, or the files do not load")
    void anAssumptionWithoutItsReasonIsRefused() {
        var sources = new java.util.ArrayList<>(dk.grantlifecycle.domain.support.TestRules.fixtureSources());
        sources.add(new RuleSource("aabenraa/2026-01-05.yaml", """
                kind: MUNICIPALITY
                municipality: aabenraa
                name: Aabenraa Kommune
                effectiveFrom: 2026-01-05
                source: "a test standard"
                paragraphs:
                  SEL85:
                    caseProcessing: P6W
                    assumptions:
                      - { field: caseProcessing, source: guess }
                """));
        assertThatThrownBy(() -> RuleBook.load(sources)).isInstanceOf(InvalidRuleFiles.class)
                .hasMessageContaining("paragraphs.SEL85.assumptions[0].source")
                .hasMessageContaining("paragraphs.SEL85.assumptions[0].reason");
    }
}
