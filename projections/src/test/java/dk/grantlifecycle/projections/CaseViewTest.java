package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.AssessmentAttached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRemitted;
import dk.grantlifecycle.domain.assessment.AssessmentEvent.AssessmentStarted;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantTerminated;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.grantlifecycle.projections.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The caseworker's case view: given a case's events, when read, then its status and lines as the one status model says. */
class CaseViewTest extends ProjectionTest {

    private CaseQueries queries;
    private AsOfHistory history;

    @BeforeEach
    void setUp() {
        projections(new CaseProjection(jdbc), new DeadlineProjection(jdbc));
        queries = new CaseQueries(jdbc, today(LocalDate.of(2027, 1, 4)), (grant, month) -> java.util.Optional.empty());
        history = new AsOfHistory(eventStore);
    }

    private String status() {
        return queries.caseById(APPLICATION.value()).orElseThrow().status();
    }

    private String asOfNow() {
        return history.caseAsOf(APPLICATION.value(), now()).orElseThrow().status();
    }

    @Test
    @DisplayName("a case moves RECEIVED, ASSESSED, DECIDED, REOPENED, and the case view and as-of history agree at each step")
    void statusMovesTheSameInTheViewAndInHistory() {
        given(APPLICATION.value(), received(APPLICATION, "team-nord", LocalDate.of(2027, 1, 4)));
        assertThat(status()).isEqualTo("RECEIVED").isEqualTo(asOfNow());

        given("assessment-0001", new AssessmentStarted(AssessmentId.of("assessment-0001"), APPLICATION, LEJRE, LocalDate.of(2027, 1, 5)));
        assertThat(status()).as("an assessment that has only started does not move the case").isEqualTo("RECEIVED")
                .isEqualTo(asOfNow());
        assertThat(queries.caseById(APPLICATION.value()).orElseThrow().assessmentId()).isEqualTo("assessment-0001");

        given(APPLICATION.value(), new AssessmentAttached(APPLICATION, AssessmentId.of("assessment-0001"),
                Map.of("PRACTICAL_TASKS", VumLevel.MODERATE), LocalDate.of(2027, 1, 12)));
        assertThat(status()).isEqualTo("ASSESSED").isEqualTo(asOfNow());

        given(APPLICATION.value(), new ApplicationDecided(APPLICATION, DECISION, LocalDate.of(2027, 1, 20), CITIZEN, LEJRE,
                Paragraph.SEL85, VERSION, AssessmentId.of("assessment-0001"), List.of(grantedOutcome()), Set.of(), CONTENT,
                DeliveryChannel.DIGITAL_POST, LocalDate.of(2027, 1, 20), List.of(), null, null));
        assertThat(status()).isEqualTo("DECIDED").isEqualTo(asOfNow());

        given(APPLICATION.value(), new CaseRemitted(APPLICATION, LocalDate.of(2027, 6, 1), "ank-1", GRANT, ComplaintId.of("complaint-0001")));
        assertThat(status()).isEqualTo("REOPENED").isEqualTo(asOfNow());
    }

    @Test
    @DisplayName("NOTICE-3A-14W, APPEAL-OUTCOME: a grant line is GRANTED, STARTED, ENDED, and an annulled ending reinstates it STARTED")
    void grantLineStatus() {
        given(APPLICATION.value(), received(APPLICATION, "team-nord", LocalDate.of(2027, 1, 4)));
        given(GRANT.value(), granted(LocalDate.of(2027, 1, 20)));
        assertThat(queries.grantById(GRANT.value()).orElseThrow().status()).isEqualTo("GRANTED");
        given(GRANT.value(), new ServiceStarted(GRANT, CASE, Paragraph.SEL85, LocalDate.of(2027, 2, 1)));
        assertThat(queries.grantById(GRANT.value()).orElseThrow().status()).isEqualTo("STARTED");
        DecisionId ending = DecisionId.of("decision-0002");
        given(GRANT.value(), new GrantTerminated(GRANT, CASE, Paragraph.SEL85, ending, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 1),
                        EndReason.GOALS_MET, null, VERSION, CONTENT, LocalDate.of(2027, 3, 1), false, false, null),
                new GrantEnded(GRANT, CASE, Paragraph.SEL85, ending, LocalDate.of(2027, 3, 1), EndReason.GOALS_MET, false, null));
        assertThat(queries.grantById(GRANT.value()).orElseThrow().status()).isEqualTo("ENDED");
        given(GRANT.value(), new DecisionRevoked(GRANT, CASE, ending, ComplaintId.of("complaint-0001"), "Ankestyrelsen: ANNULLED", null,
                true, null));
        assertThat(queries.grantById(GRANT.value()).orElseThrow().status()).isEqualTo("STARTED");
        assertThat(queries.grantById(GRANT.value()).orElseThrow().endsOn()).isNull();
    }

    @Test
    @DisplayName("CASE-DEADLINE: a case's open deadlines show with the status of the day")
    void openDeadlinesOfTheCase() {
        given(APPLICATION.value(), received(APPLICATION, "team-nord", LocalDate.of(2027, 1, 4)),
                caseDeadline(APPLICATION, 1, RuleId.CASE_DEADLINE, LocalDate.of(2027, 2, 8)));
        assertThat(queries.caseById(APPLICATION.value()).orElseThrow().deadlines()).singleElement().satisfies(d -> {
            assertThat(d.deadlineKey()).isEqualTo(DeadlineId.of(APPLICATION, "case-processing", 1).value());
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2027, 2, 8));
            assertThat(d.status()).isEqualTo("UPCOMING");
        });
        assertThat(new CaseQueries(jdbc, today(LocalDate.of(2027, 2, 9)), (grant, month) -> java.util.Optional.empty()).deadlinesOfCase(APPLICATION.value(), true))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("OVERDUE"));
    }

    @Test
    void aCaseNotReceivedIsNotThere() {
        assertThat(queries.caseById(GrantId.of("unknown-0001").value())).isEmpty();
        assertThat(history.caseAsOf(APPLICATION.value(), Instant.now())).isEmpty();
    }
}
