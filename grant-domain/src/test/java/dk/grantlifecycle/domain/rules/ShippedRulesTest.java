package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.RuleId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rule files shipped with the domain (src/main/resources/rules) load, for the three
 * municipalities, with only the findings we know of. The only test that reads the shipped files:
 * when a municipality's file changes, this is the test to update; the aggregate tests use their
 * own copy (rules-fixture).
 */
class ShippedRulesTest {

    private final RuleBook shipped = RuleBook.shipped();

    @Test
    void shipsTheThreeMunicipalities() {
        assertThat(shipped.municipalities()).extracting(MunicipalityId::value).containsExactly("aabenraa", "gladsaxe", "lejre");
    }

    @Test
    @DisplayName("SEL98-NOTICE-SOURCE-CONFLICT, GLX-RETAIN: the shipped files load with Lejre's § 98 notice conflict and Gladsaxe's flagged levels as their findings")
    void shippedFindingsAreTheKnownOnes() {
        assertThat(shipped.findings())
                .extracting(RuleFinding::kind, RuleFinding::rule, RuleFinding::file, RuleFinding::field)
                .containsExactlyInAnyOrder(
                        tuple(RuleFinding.Kind.CONFLICT, RuleId.SEL98_NOTICE_SOURCE_CONFLICT, "lejre/2025-10-06.yaml",
                                "paragraphs.SEL98.notice"),
                        tuple(RuleFinding.Kind.FLAG, RuleId.GLX_RETAIN, "gladsaxe/2020-01-01.yaml",
                                "paragraphs.SEL85.services.GLX-RETAIN"));
    }

    @Test
    @DisplayName("SEL85-TARGET, SEL103-TARGET, SEL104-TARGET, SEL85-PENSIONER, NO-FAMILY-PROVIDER: Lejre's levels and provider rules are Lejre's; Aabenraa and Gladsaxe do not inherit them from the law file")
    void municipalLevelsAreNotInTheLaw() {
        java.time.LocalDate on = java.time.LocalDate.of(2025, 9, 1);
        for (String m : java.util.List.of("aabenraa", "gladsaxe")) {
            MunicipalityId id = MunicipalityId.of(m);
            for (var p : java.util.List.of(dk.grantlifecycle.domain.shared.Paragraph.SEL85, dk.grantlifecycle.domain.shared.Paragraph.SEL103,
                    dk.grantlifecycle.domain.shared.Paragraph.SEL104)) {
                ParagraphRules r = shipped.inForce(id, p, on).rules();
                assertThat(r.eligibilityOrNone().levels()).as(m + " " + p).isNull();
                assertThat(r.eligibilityOrNone().requiredFactsOrEmpty()).extracting(ParagraphRules.FactCheck::rule)
                        .doesNotContain(RuleId.SEL85_PENSIONER);
                assertThat(r.familyProvider()).as(m + " " + p).isNull();
            }
        }
        MunicipalityId lejre = MunicipalityId.of("lejre");
        assertThat(shipped.inForce(lejre, dk.grantlifecycle.domain.shared.Paragraph.SEL85, on).rules().eligibility().levels().min()).isEqualTo(2);
        assertThat(shipped.inForce(lejre, dk.grantlifecycle.domain.shared.Paragraph.SEL103, on).rules().eligibility().levels())
                .extracting(ParagraphRules.LevelCheck::min, ParagraphRules.LevelCheck::max).containsExactly(2, 3);
        assertThat(shipped.inForce(lejre, dk.grantlifecycle.domain.shared.Paragraph.SEL104, on).rules().eligibility().levels())
                .extracting(ParagraphRules.LevelCheck::min, ParagraphRules.LevelCheck::max).containsExactly(3, 4);
        assertThat(shipped.inForce(lejre, dk.grantlifecycle.domain.shared.Paragraph.SEL97, on).rules().familyProvider())
                .isEqualTo(ParagraphRules.FamilyProvider.NEVER);
    }

    @Test
    @DisplayName("ACTION-PLAN: every municipality's § 85 and Lejre's § 85a offer an action plan with every grant; other paragraphs fall back on the level (an assumption)")
    void actionPlanPerParagraph() {
        java.time.LocalDate on = java.time.LocalDate.of(2025, 9, 1);
        for (MunicipalityId m : shipped.municipalities()) {
            assertThat(shipped.inForce(m, dk.grantlifecycle.domain.shared.Paragraph.SEL85, on).rules().actionPlan().offer())
                    .isEqualTo(ParagraphRules.ActionPlanRule.Offer.EVERY_GRANT);
        }
        assertThat(shipped.inForce(MunicipalityId.of("lejre"), dk.grantlifecycle.domain.shared.Paragraph.SEL85A, on).rules().actionPlan().offer())
                .isEqualTo(ParagraphRules.ActionPlanRule.Offer.EVERY_GRANT);
        assertThat(shipped.inForce(MunicipalityId.of("lejre"), dk.grantlifecycle.domain.shared.Paragraph.SEL103, on).rules().actionPlan())
                .isNull();
    }

    @Test
    @DisplayName("RULESET: every value no source gives is listed per municipality with its reason (hearingMinimum, reductionNotice, appealDecisionExpected, Lejre's repeatedCancellations and § 85 caseProcessing)")
    void assumptionsAreListedPerMunicipality() {
        var lejre = shipped.assumptions().get(MunicipalityId.of("lejre"));
        assertThat(lejre).extracting(RuleBook.AssumptionInForce::file, RuleBook.AssumptionInForce::section,
                        RuleBook.AssumptionInForce::field, RuleBook.AssumptionInForce::value)
                .contains(tuple("law/2018-07-01.yaml", "general", "hearingMinimum", "P7D"),
                        tuple("law/2018-07-01.yaml", "general", "reductionNotice", "P14D"),
                        tuple("law/2018-07-01.yaml", "general", "appealDecisionExpected", "P8W"),
                        tuple("law/2018-07-01.yaml", "general", "actionPlanOfferFromLevel", "3"),
                        tuple("lejre/2025-08-11.yaml", "SEL85", "caseProcessing", "P5W"),
                        tuple("lejre/2025-08-11.yaml", "SEL85", "repeatedCancellations", "2"),
                        tuple("lejre/2025-08-11.yaml", "SEL104", "repeatedCancellations", "2"),
                        tuple("lejre/2024-11-25.yaml", "SEL103", "repeatedCancellations", "2"));
        assertThat(lejre).allSatisfy(a -> assertThat(a.reason()).isNotBlank());
        var aabenraa = shipped.assumptions().get(MunicipalityId.of("aabenraa"));
        assertThat(aabenraa).extracting(RuleBook.AssumptionInForce::file).allMatch(f -> f.startsWith("law/"));
        assertThat(shipped.assumptions().get(MunicipalityId.of("gladsaxe")))
                .extracting(RuleBook.AssumptionInForce::file, RuleBook.AssumptionInForce::field, RuleBook.AssumptionInForce::value)
                .contains(tuple("gladsaxe/2020-01-01.yaml", "effectiveFrom", "2020-01-01"));
    }

    @Test
    @DisplayName("DST-REPORT: due by the 14th of the following month, for §§ 82a/b, 85, 95-98, 102-104, 107 and 108 (from the law file, not the code)")
    void dstReportRules() {
        General g = shipped.general(MunicipalityId.of("lejre"), java.time.LocalDate.of(2027, 2, 28));
        assertThat(g.dstReportDueDay()).isEqualTo(14);
        assertThat(g.dstReportedParagraphs()).extracting(Enum::name).containsExactly("SEL82A", "SEL82B", "SEL85", "SEL95", "SEL96",
                "SEL97", "SEL98", "SEL102", "SEL103", "SEL104", "SEL107", "SEL108");
    }
}
