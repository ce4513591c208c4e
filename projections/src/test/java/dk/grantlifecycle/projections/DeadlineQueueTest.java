package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.AcuteSupportStarted;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineReached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseworkerAssigned;
import dk.grantlifecycle.domain.application.ApplicationEvent.CitizenInformedOfDelay;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.projections.DeadlineQueue.Filter;
import dk.grantlifecycle.projections.DeadlineQueue.Page;
import dk.grantlifecycle.projections.DeadlineQueue.SortField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static dk.grantlifecycle.projections.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The supervisors' queue: given deadline events, when queried on a day, then rows, statuses, counts and prompts. */
class DeadlineQueueTest extends ProjectionTest {

    private static final ApplicationId SECOND = ApplicationId.of("application-0002");

    @BeforeEach
    void setUp() {
        projections(new DeadlineProjection(jdbc));
        given(APPLICATION.value(), received(APPLICATION, "team-nord", LocalDate.of(2027, 1, 4)),
                caseDeadline(APPLICATION, 1, RuleId.CASE_DEADLINE, LocalDate.of(2027, 2, 8)));
        given(SECOND.value(), received(SECOND, "team-nord", LocalDate.of(2027, 1, 4)),
                caseDeadline(SECOND, 1, RuleId.CASE_ACUTE, LocalDate.of(2027, 1, 4)),
                caseDeadline(SECOND, 2, RuleId.CASE_DEADLINE, LocalDate.of(2027, 2, 8)));
    }

    private static Page queue(LocalDate today, Set<DeadlineStatus> statuses) {
        return new DeadlineQueue(jdbc, today(today)).search(new Filter(null, "team-nord", null, null, null, null, null, statuses,
                null, null), SortField.DUE_ON, true, 0, 50);
    }

    @Test
    @DisplayName("CASE-ACUTE: an acute case is due at once; the others are upcoming; counts cover every status")
    void statusesOnTheDayOfReceipt() {
        Page page = queue(LocalDate.of(2027, 1, 4), EnumSet.noneOf(DeadlineStatus.class));
        assertThat(page.items()).extracting(DeadlineQueue.Row::ruleId, DeadlineQueue.Row::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CASE-ACUTE", DeadlineStatus.DUE_TODAY),
                org.assertj.core.groups.Tuple.tuple("CASE-DEADLINE", DeadlineStatus.UPCOMING),
                org.assertj.core.groups.Tuple.tuple("CASE-DEADLINE", DeadlineStatus.UPCOMING));
        assertThat(page.counts()).containsEntry(DeadlineStatus.DUE_TODAY, 1L).containsEntry(DeadlineStatus.UPCOMING, 2L)
                .containsEntry(DeadlineStatus.OVERDUE, 0L);
        assertThat(page.items().get(0).prompt()).as("the acute deadline asks for support, not a letter").isNull();
    }

    @Test
    @DisplayName("CASE-DEADLINE-LETTER: on its day a case-processing deadline is due with the letter prompt; the day after, overdue")
    void dueAndOverdueWithThePrompt() {
        Page due = queue(LocalDate.of(2027, 2, 8), EnumSet.of(DeadlineStatus.DUE_TODAY));
        assertThat(due.items()).hasSize(2).allSatisfy(r -> assertThat(r.prompt().rule()).isEqualTo("CASE-DEADLINE-LETTER"));
        Page overdue = queue(LocalDate.of(2027, 2, 9), EnumSet.of(DeadlineStatus.OVERDUE));
        assertThat(overdue.items()).extracting(DeadlineQueue.Row::ruleId).containsExactly("CASE-ACUTE", "CASE-DEADLINE", "CASE-DEADLINE");
        assertThat(overdue.counts()).containsEntry(DeadlineStatus.OVERDUE, 3L);
    }

    @Test
    @DisplayName("a deadline reached and not done stays overdue until it is met or cancelled with a reason; it never disappears")
    void closedDeadlinesAreDoneOrCancelled() {
        DeadlineId acute = DeadlineId.of(SECOND, "case-processing", 1);
        DeadlineId first = DeadlineId.of(APPLICATION, "case-processing", 1);
        given(APPLICATION.value(), new CaseProcessingDeadlineReached(APPLICATION, first, LocalDate.of(2027, 2, 8), RuleId.CASE_DEADLINE));
        assertThat(queue(LocalDate.of(2027, 3, 1), EnumSet.of(DeadlineStatus.OVERDUE)).items())
                .extracting(DeadlineQueue.Row::deadlineKey).contains(first.value());
        given(SECOND.value(), new AcuteSupportStarted(SECOND, acute, LocalDate.of(2027, 1, 4), "support started"));
        given(APPLICATION.value(), new CitizenInformedOfDelay(APPLICATION, first, LocalDate.of(2027, 2, 8), LocalDate.of(2027, 3, 1),
                "waiting for the psychiatrist"));
        Page closed = queue(LocalDate.of(2027, 3, 1), EnumSet.of(DeadlineStatus.DONE, DeadlineStatus.CANCELLED));
        assertThat(closed.items()).extracting(DeadlineQueue.Row::deadlineKey, DeadlineQueue.Row::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(acute.value(), DeadlineStatus.DONE),
                org.assertj.core.groups.Tuple.tuple(first.value(), DeadlineStatus.CANCELLED));
        assertThat(closed.items()).filteredOn(r -> r.status() == DeadlineStatus.CANCELLED).singleElement()
                .satisfies(r -> assertThat(r.closedReason()).contains("decision expected by 2027-03-01"));
    }

    @Test
    @DisplayName("the queue rows carry their case's team and caseworker, kept current on reassignment")
    void reassignmentMovesTheRows() {
        given(APPLICATION.value(), new CaseworkerAssigned(APPLICATION, "team-syd", "cw-carl"));
        Page syd = new DeadlineQueue(jdbc, today(LocalDate.of(2027, 1, 4))).search(new Filter(null, "team-syd", "cw-carl", null, null,
                null, null, Set.of(), null, null), SortField.DUE_ON, true, 0, 50);
        assertThat(syd.items()).singleElement().satisfies(r -> assertThat(r.caseId()).isEqualTo(APPLICATION.value()));
        assertThat(queue(LocalDate.of(2027, 1, 4), Set.of()).total()).isEqualTo(2);
    }
}
