package dk.grantlifecycle.domain.deadline;

import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.MalformedInput;
import dk.grantlifecycle.domain.shared.RuleId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadline value the events record: when it counts as reached, and the name and id it is
 * scheduled and cancelled by. The instants are written out in UTC, so the summer-time changes in
 * Copenhagen are checked, not recomputed. Each kind's use by its aggregate is shown in
 * ApplicationDeadlineKindsTest, GrantDeadlineKindsTest and FollowUpDeadlineKindsTest;
 * APPEAL_DECISION is not opened by any aggregate yet.
 */
class DeadlineTest {

    private static final DeadlineId ID = DeadlineId.of("grant-00000001/complaint-window/decision-0001");

    private static Deadline due(LocalDate dueOn, Party party) {
        return Deadline.of(ID, DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW, dueOn, party);
    }

    @Test
    @DisplayName("DEADLINE-COUNT: the municipality's deadline is reached when its date begins in Copenhagen")
    void theMunicipalitysDeadlineIsReachedWhenItsDateBegins() {
        assertThat(due(LocalDate.of(2025, 1, 15), Party.MUNICIPALITY).reachedAt()).isEqualTo(Instant.parse("2025-01-14T23:00:00Z"));
        assertThat(due(LocalDate.of(2025, 7, 15), Party.MUNICIPALITY).reachedAt()).isEqualTo(Instant.parse("2025-07-14T22:00:00Z"));
    }

    @Test
    @DisplayName("DEADLINE-COUNT: the citizen's and a third party's deadline runs to the end of its last day, across summer time changes")
    void theCitizensDeadlineIsReachedWhenTheDayAfterItsLastDayBegins() {
        // Summer time begins on 30 March 2025: the last day, 29 March, ends at 23:00 UTC.
        assertThat(due(LocalDate.of(2025, 3, 29), Party.CITIZEN).reachedAt()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        // ... and on 30 March itself, a 23-hour day, the next day begins at 22:00 UTC.
        assertThat(due(LocalDate.of(2025, 3, 30), Party.THIRD_PARTY).reachedAt()).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
        // Summer time ends on 26 October 2025, a 25-hour day.
        assertThat(due(LocalDate.of(2025, 10, 26), Party.CITIZEN).reachedAt()).isEqualTo(Instant.parse("2025-10-26T23:00:00Z"));
    }

    @Test
    void eachDeadlineIsScheduledUnderItsOwnName() {
        assertThat(due(LocalDate.of(2025, 9, 29), Party.CITIZEN).scheduleName())
                .isEqualTo("deadline:grant-00000001/complaint-window/decision-0001")
                .isEqualTo(Deadline.scheduleName(ID));
    }

    @Test
    void anIdIsDerivedFromWhatTheDeadlineIsAbout() {
        assertThat(DeadlineId.of(GrantId.of("grant-00000001"), "complaint-window", DecisionId.of("decision-0001"))).isEqualTo(ID);
        assertThat(DeadlineId.of(GrantId.of("grant-00000001"), "shelter-admission", null).value())
                .isEqualTo("grant-00000001/shelter-admission");
        assertThatThrownBy(() -> DeadlineId.of("short")).isInstanceOf(MalformedInput.class);
    }

    @Test
    void aDeadlineHasAnIdAKindARuleADueDateAndAParty() {
        assertThatThrownBy(() -> Deadline.of(ID, DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW, null, Party.CITIZEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deadline.of(ID, DeadlineKind.COMPLAINT_WINDOW, RuleId.COMPLAINT_WINDOW, LocalDate.of(2025, 9, 29), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
