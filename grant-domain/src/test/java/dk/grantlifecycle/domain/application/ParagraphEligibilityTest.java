package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.decision.FollowUpKind;
import dk.grantlifecycle.domain.decision.PlaceSize;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.decision.Fact.*;
import static dk.grantlifecycle.domain.support.ApplicationEvents.*;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who each paragraph is for (§§ 96-108: target groups, pension age, exclusions) and the terms a
 * grant under it may have (hours, place sizes, wage). The case-processing deadline that receipt
 * opens plays no part here and is left out of the given histories.
 */
class ParagraphEligibilityTest {

    private static final LocalDate MONDAY_2024 = LocalDate.of(2024, 3, 4);
    private static final LocalDate AUTUMN_2025 = LocalDate.of(2025, 9, 1);

    private final InMemoryCitizenGrants citizenGrants = new InMemoryCitizenGrants();
    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(citizenGrants);
    }

    private static ServiceDecision outcome(List<Object> events, int i) {
        return ofType(events, ApplicationDecided.class).get(0).outcomes().get(i);
    }

    /** Lejre adopted its § 103 standard (002) on Monday 25 November 2024. */
    private static final LocalDate LEJRE_103_ADOPTED = LocalDate.of(2024, 11, 25);
    /** Lejre adopted its § 104 and § 85 standard (002) on Monday 11 August 2025. */
    private static final LocalDate LEJRE_104_ADOPTED = LocalDate.of(2025, 8, 11);

    @Test
    @DisplayName("SEL103-TARGET: Lejre's § 103 needs moderate to severe problems (C-D, 002 § 103), not A-B and not E")
    void section103Levels() {
        fixture.given(received(LEJRE, Paragraph.SEL103, LEJRE_103_ADOPTED, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(LEJRE_103_ADOPTED, "COMMUNITY_LIFE", "E"))
                .when(decide(LEJRE_103_ADOPTED.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectException(violationOf("SEL103-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL103, LEJRE_103_ADOPTED, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(LEJRE_103_ADOPTED, "COMMUNITY_LIFE", "B"))
                .when(decide(LEJRE_103_ADOPTED.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectException(violationOf("SEL103-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL103, LEJRE_103_ADOPTED, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(LEJRE_103_ADOPTED, "COMMUNITY_LIFE", "C"))
                .when(decide(LEJRE_103_ADOPTED.plusWeeks(3), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("SEL103-TARGET: the C-D levels are Lejre's from 25 November 2024; on 24 November the decision records no municipal standard")
    void section103LevelsAreLejresFromTheirAdoption() {
        LocalDate received = LocalDate.of(2024, 11, 4);
        // Sunday 24 November 2024, the day before Lejre adopted 002 § 103: the law sets no VUM level,
        // so level E is not refused on a level Lejre had not yet adopted; the decision says so.
        fixture.given(received(LEJRE, Paragraph.SEL103, received, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(received, "COMMUNITY_LIFE", "E"))
                .when(decide(LocalDate.of(2024, 11, 24), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> {
                    ServiceDecision d = outcome(events, 0);
                    assertThat(d.grounds().ruleIds()).contains(RuleId.SEL103_TARGET);
                    assertThat(d.grounds().findings()).singleElement().asString()
                            .startsWith("NO MUNICIPAL STANDARD SEL103-TARGET: lejre sets no VUM levels for § 103");
                }));
        // Monday 25 November 2024, the day of adoption: Lejre's C-D applies and E is refused.
        fixture.given(received(LEJRE, Paragraph.SEL103, received, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(received, "COMMUNITY_LIFE", "E"))
                .when(decide(LEJRE_103_ADOPTED, granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectException(violationOf("SEL103-TARGET"));
    }

    @Test
    @DisplayName("SEL85-TARGET: Aabenraa's 004 sets no VUM levels, so a § 85 grant is not judged on Lejre's level 2 and records no municipal standard")
    void aabenraaIsNotJudgedOnLejresLevels() {
        LocalDate on = LocalDate.of(2025, 3, 3);
        fixture.given(received(AABENRAA, Paragraph.SEL85, on, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(on, "SOCIAL_LIFE", 1))
                .when(decide(on.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectEventsMatching(payloads(events -> {
                    ServiceDecision d = outcome(events, 0);
                    assertThat(d.granted()).isTrue();
                    assertThat(d.grounds().findings()).singleElement().asString()
                            .startsWith("NO MUNICIPAL STANDARD SEL85-TARGET: aabenraa sets no VUM levels for § 85");
                }));
        // Lejre's own level 2 (000 "Ad 1"; 002 § 85 section 3) still refuses level 1 in Lejre.
        fixture.given(received(LEJRE, Paragraph.SEL85, on, service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(on, "SOCIAL_LIFE", 1))
                .when(decide(on.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-TARGET"));
    }

    @Test
    @DisplayName("SEL85-PENSIONER: Lejre's § 83-first rule for pensioners (000) is Lejre's, not Aabenraa's")
    void pensionerRuleIsLejres() {
        LocalDate on = LocalDate.of(2025, 4, 1);
        fixture.given(received(SENIOR, AABENRAA, Paragraph.SEL85, on, false, Set.of(RECEIVES_STATE_PENSION),
                                service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(on, "SOCIAL_LIFE", 2))
                .when(decide(on.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectSuccessfulHandlerExecution();
        fixture.given(received(SENIOR, LEJRE, Paragraph.SEL85, on, false, Set.of(RECEIVES_STATE_PENSION),
                                service("STØTTE", "SOCIAL_LIFE")),
                        assessmentAttached(on, "SOCIAL_LIFE", 2))
                .when(decide(on.plusWeeks(3), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("SEL85-PENSIONER"));
    }

    @Test
    @DisplayName("SEL103-TARGET: not from state pension age, and not when flex or skåne jobs can serve")
    void section103PensionAgeAndOtherSchemes() {
        fixture.given(received(SENIOR, LEJRE, Paragraph.SEL103, LocalDate.of(2025, 4, 1), false, Set.of(),
                                service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(LocalDate.of(2025, 4, 1), "COMMUNITY_LIFE", 2))
                .when(decide(LocalDate.of(2025, 5, 2), granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectException(violationOf("SEL103-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL103, MONDAY_2024, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(MONDAY_2024, "COMMUNITY_LIFE", 2))
                .when(decide(MONDAY_2024.plusWeeks(3), Set.of(OTHER_SCHEME_CAN_SERVE),
                        granted("VÆRKSTED", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectException(violationOf("SEL103-TARGET"));
    }

    @Test
    @DisplayName("SEL104-TARGET: Lejre's § 104 is not for levels A-C (002 § 104), and not for a citizen who cannot be with others")
    void section104() {
        fixture.given(received(LEJRE, Paragraph.SEL104, LEJRE_104_ADOPTED, service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(LEJRE_104_ADOPTED, "SOCIAL_LIFE", "C"))
                .when(decide(LEJRE_104_ADOPTED.plusWeeks(3), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.FULL).build())))
                .expectException(violationOf("SEL104-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL104, LEJRE_104_ADOPTED, service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(LEJRE_104_ADOPTED, "SOCIAL_LIFE", "D"))
                .when(decide(LEJRE_104_ADOPTED.plusWeeks(3), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.FULL).build())))
                .expectSuccessfulHandlerExecution();
        fixture.given(received(LEJRE, Paragraph.SEL104, LEJRE_104_ADOPTED, service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(LEJRE_104_ADOPTED, "SOCIAL_LIFE", "D"))
                .when(decide(LEJRE_104_ADOPTED.plusWeeks(3), Set.of(CANNOT_BE_WITH_OTHERS),
                        granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.FULL).build())))
                .expectException(violationOf("SEL104-TARGET"));
    }

    @Test
    @DisplayName("SEL96-TARGET: BPA needs substantial permanent impairment, an extensive need and a work leader")
    void section96() {
        fixture.given(received(LEJRE, Paragraph.SEL96, MONDAY_2024, service("BPA", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 4))
                .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SUBSTANTIAL_PERMANENT_IMPAIRMENT, EXTENSIVE_COMPOSITE_NEED),
                        granted("BPA", GRANT, Terms.none().build())))
                .expectException(violationOf("SEL96-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL96, MONDAY_2024, service("BPA", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 4))
                .when(decide(MONDAY_2024.plusWeeks(3), Set.of(SUBSTANTIAL_PERMANENT_IMPAIRMENT, EXTENSIVE_COMPOSITE_NEED,
                        ABLE_TO_ACT_AS_WORK_LEADER), granted("BPA", GRANT, Terms.none().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).grounds().ruleIds()).contains(RuleId.SEL96_TARGET)));
    }

    @Test
    @DisplayName("SEL97-TARGET: § 97 needs a citizen under state pension age who cannot move about alone, not from mental illness")
    void section97Target() {
        fixture.given(received(SENIOR, LEJRE, Paragraph.SEL97, LocalDate.of(2025, 4, 1), false, Set.of(),
                                service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(LocalDate.of(2025, 4, 1), "MOBILITY", 3))
                .when(decide(LocalDate.of(2025, 5, 1), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectException(violationOf("SEL97-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE, IMPAIRMENT_FROM_MENTAL_ILLNESS_OR_SOCIAL_CAUSES),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectException(violationOf("SEL97-TARGET"));
    }

    @Test
    @DisplayName("SEL97-TARGET: granted just before pension age, the right is kept: no end or age review is planned")
    void section97KeptAfterPensionAge() {
        fixture.given(received(SENIOR, LEJRE, Paragraph.SEL97, LocalDate.of(2025, 4, 1), false, Set.of(),
                                service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(LocalDate.of(2025, 4, 1), "MOBILITY", 3))
                .when(decide(LocalDate.of(2025, 4, 30), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectEventsMatching(payloads(events -> {
                    ServiceDecision d = outcome(events, 0);
                    assertThat(d.terms().validUntil()).isNull();
                    assertThat(d.plan().cadences()).noneMatch(c -> c.kind() == FollowUpKind.AGE_REVIEW);
                }));
    }

    @Test
    @DisplayName("SEL97-15H: 15 hours a month, not subject to individual assessment")
    void section97FifteenHours() {
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hoursPerMonth())
                        .isEqualByComparingTo("15")));
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().hoursPerMonth(20).build())))
                .expectException(violationOf("SEL97-15H", "outcomes[0].terms.hoursPerMonth"));
    }

    @Test
    @DisplayName("SEL97-DEDUCT: escort already given by another service is deducted from the 15 hours")
    void section97Deduction() {
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().deductedHours(4).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hoursPerMonth())
                        .isEqualByComparingTo("11")));
    }

    @Test
    @DisplayName("EXCL-BPA-97: a citizen with BPA cannot also get § 97")
    void bpaExcludesSection97() {
        // The command side's own record of the citizen's grants, not a read model, holds the BPA grant.
        citizenGrants.active(CITIZEN, Paragraph.SEL96);
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectException(violationOf("EXCL-BPA-97"));
    }

    @Test
    @DisplayName("EXCL-98-97: a citizen with a § 98 contact person cannot also get § 97")
    void section98ExcludesSection97() {
        citizenGrants.active(CITIZEN, Paragraph.SEL98);
        fixture.given(received(LEJRE, Paragraph.SEL97, MONDAY_2024, service("LEDSAGER", "MOBILITY")),
                        assessmentAttached(MONDAY_2024, "MOBILITY", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(CANNOT_MOVE_ABOUT_ALONE),
                        granted("LEDSAGER", GRANT, Terms.none().build())))
                .expectException(violationOf("EXCL-98-97"));
    }

    @Test
    @DisplayName("SEL107-TARGET: a temporary residential stay needs less intrusive options tried first, and not for homelessness alone")
    void section107() {
        fixture.given(received(LEJRE, Paragraph.SEL107, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), granted("BOTILBUD", GRANT,
                        Terms.none().lessIntrusive("§ 85 in own home for 6 months").build())))
                .expectException(violationOf("SEL107-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL107, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 3))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED, HOMELESSNESS_ONLY),
                        granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 85 in own home for 6 months").build())))
                .expectException(violationOf("SEL107-TARGET"));
    }

    @Test
    @DisplayName("SEL108-TARGET: a long-term residential home needs less intrusive options assessed, and not for age-related frailty alone")
    void section108() {
        fixture.given(received(LEJRE, Paragraph.SEL108, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 4))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED, AGE_FRAILTY_ONLY),
                        granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 107 stay").build())))
                .expectException(violationOf("SEL108-TARGET"));
        fixture.given(received(LEJRE, Paragraph.SEL108, MONDAY_2024, service("BOTILBUD", "SELF_CARE")),
                        assessmentAttached(MONDAY_2024, "SELF_CARE", 4))
                .when(decide(MONDAY_2024.plusWeeks(2), Set.of(LESS_INTRUSIVE_TRIED_OR_ASSESSED),
                        granted("BOTILBUD", GRANT, Terms.none().lessIntrusive("§ 107 stay").build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).grounds().ruleIds()).contains(RuleId.SEL108_TARGET)));
    }

    @Test
    @DisplayName("PLACE-SIZE: ½ place is 2 days, ¾ is 3, 1/1 is 4-5 days a week")
    void placeSizes() {
        fixture.given(received(LEJRE, Paragraph.SEL104, AUTUMN_2025, service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(AUTUMN_2025, "SOCIAL_LIFE", "D"))
                .when(decide(AUTUMN_2025.plusWeeks(3), granted("SAMVÆR", GRANT,
                        Terms.none().placeSize(PlaceSize.FULL).daysPerWeek(3).build())))
                .expectException(violationOf("PLACE-SIZE", "outcomes[0].terms.daysPerWeek"));
        fixture.given(received(LEJRE, Paragraph.SEL104, AUTUMN_2025, service("SAMVÆR", "SOCIAL_LIFE")),
                        assessmentAttached(AUTUMN_2025, "SOCIAL_LIFE", "D"))
                .when(decide(AUTUMN_2025.plusWeeks(3), granted("SAMVÆR", GRANT, Terms.none().placeSize(PlaceSize.HALF).build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().daysPerWeek()).isEqualTo(2)));
    }

    @Test
    @DisplayName("SEL103-WAGE: from 5 % of the minimum wage, as a rule at most 30 kr an hour")
    void section103Wage() {
        fixture.given(received(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                        Terms.none().placeSize(PlaceSize.HALF).wage("6.00", "140.00").build())))
                .expectException(violationOf("SEL103-WAGE", "outcomes[0].terms.hourlyWage"));
        fixture.given(received(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                        Terms.none().placeSize(PlaceSize.HALF).wage("32.00", "140.00").build())))
                .expectException(violationOf("SEL103-WAGE", "outcomes[0].terms.wageAboveRuleReason"));
        fixture.given(received(LEJRE, Paragraph.SEL103, AUTUMN_2025, service("VÆRKSTED", "COMMUNITY_LIFE")),
                        assessmentAttached(AUTUMN_2025, "COMMUNITY_LIFE", 2))
                .when(decide(AUTUMN_2025.plusWeeks(3), granted("VÆRKSTED", GRANT,
                        Terms.none().placeSize(PlaceSize.HALF).wage("7.00", "140.00").build())))
                .expectEventsMatching(payloads(events -> assertThat(outcome(events, 0).terms().hourlyWage())
                        .isEqualByComparingTo(BigDecimal.valueOf(7))));
    }}
