package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionNoticeGiven;
import dk.grantlifecycle.domain.grant.GrantEvent.ReductionTookEffect;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static dk.grantlifecycle.projections.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/** DST-REPORT: given grant movements, the month's report counts them per paragraph; what is reported is not reported again. */
class DstReportTest extends ProjectionTest {

    private DstReports reports;

    @BeforeEach
    void setUp() {
        projections(new DstMovementProjection(jdbc, RuleBook.shipped()));
        reports = new DstReports(jdbc, today(LocalDate.of(2027, 3, 2)), RuleBook.shipped());
        given(GRANT.value(), granted(LocalDate.of(2027, 1, 20)), new ServiceStarted(GRANT, CASE, Paragraph.SEL85, LocalDate.of(2027, 2, 1)));
    }

    @Test
    @DisplayName("DST-REPORT: a start in February is counted in February's report, due on 14 March; once produced it is not reported again")
    void monthsMovementsCountedOnce() {
        DstReports.Report february = reports.produce("lejre", YearMonth.of(2027, 2), "cw-test");
        assertThat(february.dueBy()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(february.countsPerParagraph().get("SEL85")).containsEntry("START", 1).containsEntry("CHANGE", 0);
        assertThat(reports.preview("lejre", YearMonth.of(2027, 2)).lines()).isEmpty();
    }

    @Test
    @DisplayName("DST-REPORT: a change that took effect in February but was recorded after February was reported is a correction in March's report, produced on 2 April")
    void lateMovementIsACorrection() {
        reports.produce("lejre", YearMonth.of(2027, 2), "cw-test");
        DecisionId reduction = DecisionId.of("decision-0002");
        given(GRANT.value(), new ReductionNoticeGiven(GRANT, CASE, reduction, LocalDate.of(2027, 2, 1), Deadline.of(
                        DeadlineId.of(GRANT, "effect", reduction), DeadlineKind.NOTICE_EFFECTIVE, RuleId.COMPLAINT_NO_SUSPENSION,
                        LocalDate.of(2027, 2, 20), Party.MUNICIPALITY)),
                new ReductionTookEffect(GRANT, CASE, reduction, LocalDate.of(2027, 2, 20), GrantTerms.described("less"),
                        DeadlineId.of(GRANT, "effect", reduction)));
        DstReports.Report march = new DstReports(jdbc, today(LocalDate.of(2027, 4, 2)), RuleBook.shipped()).produce("lejre", YearMonth.of(2027, 3), "cw-test");
        assertThat(march.lines()).isEmpty();
        assertThat(march.corrections()).singleElement().satisfies(c -> {
            assertThat(c.movement()).isEqualTo("CHANGE");
            assertThat(c.month()).isEqualTo("2027-02");
            assertThat(c.correction()).isTrue();
        });
    }
}
