package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.GrantCommands.IssueWrittenDecision;
import dk.grantlifecycle.domain.grant.GrantCommands.OpenGrant;
import dk.grantlifecycle.domain.grant.GrantCommands.StartOutreachContact;
import dk.grantlifecycle.domain.grant.GrantCommands.StartService;
import dk.grantlifecycle.domain.grant.GrantEvent.ComplaintWindowOpened;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.WrittenDecisionIssued;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.InvalidState;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** How a grant line starts: from an outcome of an application's decision, or as § 99 outreach without one. */
class OpeningTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);
    private static final RuleSetVersion VERSION = new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1));
    /** An outreach case is its grant line: there is no application (SEL99-NO-VISITATION). */
    private static final CaseId OUTREACH = CaseId.ofOutreach(GRANT);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    @Test
    void aGrantedOutcomeOpensTheGrantOnce() {
        ServiceDecision d = grantedOutcome(Paragraph.SEL85, Terms.sel85().build(), ActionPlanDuty.CONSIDER);
        OpenGrant open = new OpenGrant(GRANT, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, d, content(), DECIDED);
        ServiceGranted granted = new ServiceGranted(GRANT, CASE, APPLICATION, DECISION, DECIDED, CITIZEN, LEJRE, VERSION, d,
                content(), DECIDED);
        ComplaintWindowOpened window = new ComplaintWindowOpened(GRANT, CASE, DECISION, DECIDED,
                Deadline.of(complaintWindow(DECISION), DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW,
                        LocalDate.of(2025, 9, 29), Party.CITIZEN));
        fixture.givenNoPriorActivity().when(open).expectEvents(granted, window);
        // The case process may send the outcome again (a redelivery): the grant is opened once.
        fixture.given(granted, window).when(open).expectNoEvents();
    }

    @Test
    void aRejectedOutcomeIsKeptAsADecisionButNeverStarts() {
        fixture.given(rejected(Paragraph.SEL85, DECIDED), windowOpened(DECISION, DECIDED, LocalDate.of(2025, 9, 29)))
                .when(new StartService(GRANT, DECIDED, null))
                .expectException(InvalidState.class);
    }

    @Test
    @DisplayName("SEL99-NO-VISITATION: outreach contact starts without application or assessment, anonymously if need be")
    void outreachWithoutVisitation() {
        fixture.givenNoPriorActivity()
                .when(new StartOutreachContact(GRANT, LEJRE, null, DECIDED, "street outreach"))
                .expectEvents(new OutreachContactStarted(GRANT, OUTREACH, LEJRE, null, DECIDED, "street outreach",
                        new RuleSetVersion("lejre", LocalDate.of(2025, 3, 24), LocalDate.of(2018, 7, 1))));
    }

    @Test
    @DisplayName("SEL99-NO-VISITATION: asked for a decision, outreach support gets one with reasons and complaint guidance")
    void outreachWrittenDecision() {
        OutreachContactStarted started = new OutreachContactStarted(GRANT, OUTREACH, LEJRE, null, DECIDED, "street outreach", VERSION);
        fixture.given(started)
                .when(new IssueWrittenDecision(GRANT, DECISION, LocalDate.of(2025, 9, 4), new DecisionContent("§ 99", null, null, null), null))
                .expectException(violationOf("SEL99-NO-VISITATION", "content"));
        fixture.given(started)
                .when(new IssueWrittenDecision(GRANT, DECISION, LocalDate.of(2025, 9, 4), content(), null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events.get(0)).isInstanceOfSatisfying(WrittenDecisionIssued.class, w ->
                            assertThat(w.content().complaintGuidance().deadline()).isEqualTo(LocalDate.of(2025, 10, 2)));
                    assertThat(events.get(1)).isInstanceOfSatisfying(ComplaintWindowOpened.class, w ->
                            assertThat(w.caseId()).isEqualTo(OUTREACH));
                }));
    }
}
