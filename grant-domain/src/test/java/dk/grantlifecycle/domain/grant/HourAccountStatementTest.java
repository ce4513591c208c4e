package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.HoursDrawn;
import dk.grantlifecycle.domain.grant.GrantEvent.CompanionHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursMoved;
import dk.grantlifecycle.domain.grant.GrantEvent.ContactHoursUsed;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dk.grantlifecycle.domain.support.Cases.CASE;
import static dk.grantlifecycle.domain.support.Cases.GRANT;
import static dk.grantlifecycle.domain.support.GrantEvents.granted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The hour account a caseworker reads, folded from a grant's events by the rules the grant applies. */
class HourAccountStatementTest {

    private static final List<Object> SECTION_97 = List.of(
            granted(Paragraph.SEL97, LocalDate.of(2027, 8, 20), Terms.none().hoursPerMonth(15).build()),
            new ServiceStarted(GRANT, CASE, Paragraph.SEL97, LocalDate.of(2027, 9, 1)),
            new CompanionHoursUsed(GRANT, CASE, YearMonth.of(2027, 10), BigDecimal.valueOf(20),
                    List.of(new HoursDrawn(YearMonth.of(2027, 9), BigDecimal.valueOf(15)), new HoursDrawn(YearMonth.of(2027, 10), BigDecimal.valueOf(5))),
                    BigDecimal.valueOf(10)));

    @Test
    @DisplayName("SEL97-SAVE-90H: after 20 hours used in October 2027, November shows 25 hours: 10 left of October's credit (usable "
            + "to March 2028) and November's 15 (to April 2028), and the use with what it drew from")
    void companionHoursInNovember() {
        HourAccountStatement november = HourAccountStatement.of(SECTION_97, YearMonth.of(2027, 11)).orElseThrow();
        assertThat(november.balance()).isEqualByComparingTo("25");
        assertThat(november.saveCap()).isEqualTo(90);
        assertThat(november.credits()).extracting(HourAccountStatement.Credit::creditedIn, c -> c.hoursLeft().intValue(),
                HourAccountStatement.Credit::lastMonth).containsExactly(
                tuple(YearMonth.of(2027, 10), 10, YearMonth.of(2028, 3)), tuple(YearMonth.of(2027, 11), 15, YearMonth.of(2028, 4)));
        assertThat(november.uses()).singleElement().satisfies(u -> assertThat(u.drawnFrom()).extracting(HoursDrawn::creditedIn)
                .containsExactly(YearMonth.of(2027, 9), YearMonth.of(2027, 10)));
    }

    @Test
    @DisplayName("SEL97-SAVE-90H: in April 2028 October's hours have expired and the saved hours stop at the cap of 90")
    void companionHoursExpireAndStopAtTheCap() {
        HourAccountStatement april = HourAccountStatement.of(SECTION_97, YearMonth.of(2028, 4)).orElseThrow();
        assertThat(april.balance()).isEqualByComparingTo("90");
        assertThat(april.credits()).extracting(HourAccountStatement.Credit::creditedIn).first().isEqualTo(YearMonth.of(2027, 11));
    }

    @Test
    @DisplayName("SEL98-HOURS: 8 hours a month; 3 moved from March to April 2026 and 6 used in April leave 5 in April")
    void contactHours() {
        List<Object> events = List.of(granted(Paragraph.SEL98, LocalDate.of(2026, 2, 20), Terms.none().hoursPerMonth(8).build()),
                new ServiceStarted(GRANT, CASE, Paragraph.SEL98, LocalDate.of(2026, 3, 1)),
                new ContactHoursMoved(GRANT, CASE, YearMonth.of(2026, 3), YearMonth.of(2026, 4), BigDecimal.valueOf(3), "in hospital"),
                new ContactHoursUsed(GRANT, CASE, YearMonth.of(2026, 4), BigDecimal.valueOf(6)));
        HourAccountStatement april = HourAccountStatement.of(events, YearMonth.of(2026, 4)).orElseThrow();
        assertThat(april.balance()).isEqualByComparingTo("5");
        assertThat(april.moves()).singleElement().satisfies(m -> assertThat(m.reason()).isEqualTo("in hospital"));
        assertThat(HourAccountStatement.of(events, YearMonth.of(2026, 3)).orElseThrow().balance()).isEqualByComparingTo("5");
    }

    @Test
    @DisplayName("A § 85 grant keeps no hour account")
    void noAccount() {
        assertThat(HourAccountStatement.of(List.of(granted(Paragraph.SEL85, LocalDate.of(2026, 2, 20), Terms.sel85().build())),
                YearMonth.of(2026, 3))).isEmpty();
    }
}
