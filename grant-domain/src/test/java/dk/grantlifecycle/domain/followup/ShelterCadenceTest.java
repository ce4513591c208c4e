package dk.grantlifecycle.domain.followup;

import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.followup.FollowUpCommands.AnchorServiceStart;
import dk.grantlifecycle.domain.followup.FollowUpCommands.CompleteFollowUp;
import dk.grantlifecycle.domain.followup.FollowUpCommands.StartFollowUpPlan;
import dk.grantlifecycle.domain.followup.FollowUpEvent.FollowUpScheduled;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.ofType;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEL110-FOLLOWUP and SEL109-FOLLOWUP with the cadences the fixture rule files give Lejre: the first
 * meeting within 2 weeks of the stay's start, then "som minimum hver 8. uge" (002 § 110) / "derefter
 * ... mindst hver 8. uge" (002 § 109), the 8 weeks counted from the first meeting and then from each
 * follow-up (RULES.md section 6), not from the stay's start.
 */
class ShelterCadenceTest {

    private static final FollowUpId PLAN = FollowUpId.forGrant(GRANT);
    /** Monday 3 March 2025. */
    private static final LocalDate STAY_STARTED = LocalDate.of(2025, 3, 3);

    private AggregateTestFixture<FollowUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUp.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static List<Cadence> lejre(Paragraph p, LocalDate on) {
        RulesInForce in = TestRules.FIXTURE.inForce(LEJRE, p, on);
        return Cadences.forGrant(in, null, true, on, null, TestRules.FIXTURE.calendar());
    }

    private static DeadlineId id(int n) {
        return DeadlineId.of("grant-00000001-followup/" + n);
    }

    @Test
    @DisplayName("SEL110-FOLLOWUP: the stay's start schedules only the first meeting, due 2 weeks later (17 March 2025)")
    void theStaySchedulesTheFirstMeetingOnly() {
        List<Cadence> cadences = lejre(Paragraph.SEL110, STAY_STARTED);
        fixture.givenCommands(new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL110, STAY_STARTED, cadences, null, null))
                .when(new AnchorServiceStart(PLAN, STAY_STARTED))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> {
                            assertThat(s.deadline().kind()).isEqualTo(DeadlineKind.FIRST_MEETING);
                            assertThat(s.deadline().rule()).isEqualTo(RuleId.SEL110_FOLLOWUP);
                            assertThat(s.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 3, 17));
                        })));
    }

    @Test
    @DisplayName("SEL110-FOLLOWUP: the first meeting held on 14 March 2025 makes the next follow-up due 8 weeks later, 9 May 2025 (not 28 April from the stay's start)")
    void theEightWeeksRunFromTheFirstMeeting() {
        List<Cadence> cadences = lejre(Paragraph.SEL110, STAY_STARTED);
        fixture.givenCommands(new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL110, STAY_STARTED, cadences, null, null),
                        new AnchorServiceStart(PLAN, STAY_STARTED))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 3, 14), "first meeting held", null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> {
                            assertThat(s.deadline().kind()).isEqualTo(DeadlineKind.FOLLOW_UP);
                            assertThat(s.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 5, 9));
                        })));
    }

    @Test
    @DisplayName("SEL110-FOLLOWUP: a follow-up held early on 25 April 2025 restarts the 8 weeks from its completion: next due 20 June 2025")
    void eachFollowUpRestartsTheCadence() {
        List<Cadence> cadences = lejre(Paragraph.SEL110, STAY_STARTED);
        fixture.givenCommands(new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL110, STAY_STARTED, cadences, null, null),
                        new AnchorServiceStart(PLAN, STAY_STARTED),
                        new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 3, 14), "first meeting held", null))
                .when(new CompleteFollowUp(PLAN, id(2), LocalDate.of(2025, 4, 25), "follow-up", null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> assertThat(s.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 6, 20)))));
    }

    @Test
    @DisplayName("SEL109-FOLLOWUP: at the crisis centre too, the 8 weeks run from the first meeting (held 17 March 2025: next due 12 May 2025)")
    void crisisCentre() {
        List<Cadence> cadences = lejre(Paragraph.SEL109, STAY_STARTED);
        fixture.givenCommands(new StartFollowUpPlan(PLAN, GRANT, CASE, Paragraph.SEL109, STAY_STARTED, cadences, null, null),
                        new AnchorServiceStart(PLAN, STAY_STARTED))
                .when(new CompleteFollowUp(PLAN, id(1), LocalDate.of(2025, 3, 17), "first meeting held", null))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, FollowUpScheduled.class)).singleElement()
                        .satisfies(s -> {
                            assertThat(s.deadline().rule()).isEqualTo(RuleId.SEL109_FOLLOWUP);
                            assertThat(s.deadline().dueOn()).isEqualTo(LocalDate.of(2025, 5, 12));
                        })));
    }
}
