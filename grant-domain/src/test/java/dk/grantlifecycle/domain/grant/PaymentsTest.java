package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.grant.GrantCommands.AssessOwnPayment;
import dk.grantlifecycle.domain.grant.GrantCommands.AssessTransportContribution;
import dk.grantlifecycle.domain.grant.GrantEvent.OwnPaymentAssessed;
import dk.grantlifecycle.domain.grant.GrantEvent.TransportContributionAssessed;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.payloads;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;
import static dk.grantlifecycle.domain.support.GrantEvents.granted;
import static org.assertj.core.api.Assertions.assertThat;

/** The money rules of a grant: the citizen's own payment for a stay and the share of § 103 transport. */
class PaymentsTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 9, 1);

    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
    }

    private static AssessOwnPayment stay(LocalDate from, LocalDate to, boolean income) {
        return new AssessOwnPayment(GRANT, from, to, income, null, null, false);
    }

    @Test
    @DisplayName("OWN-PAYMENT: a § 110 shelter stay costs the year's daily rate per night; nothing without income")
    void shelterOwnPayment() {
        fixture.given(granted(Paragraph.SEL110, DECIDED, Terms.none().build()))
                .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 11), true))
                .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                        .isEqualByComparingTo("1007.70")));
        fixture.given(granted(Paragraph.SEL109, DECIDED, Terms.none().build()))
                .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3), true))
                .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                        .isEqualByComparingTo("194.60")));
        fixture.given(granted(Paragraph.SEL110, DECIDED, Terms.none().build()))
                .when(stay(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 11), false))
                .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                        .isEqualByComparingTo("0")));
    }

    @Test
    @DisplayName("OWN-PAYMENT: a year without an adopted (indexed) rate is refused, not guessed")
    void missingRateIsRefused() {
        fixture.given(granted(Paragraph.SEL110, DECIDED, Terms.none().build()))
                .when(stay(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), true))
                .expectException(violationOf("OWN-PAYMENT", "from"));
    }

    @Test
    @DisplayName("OWN-PAYMENT: in a § 107 stay the citizen keeps at least 4,000 kr a month (2,500 with meals)")
    void section107KeepsMinimum() {
        fixture.given(granted(Paragraph.SEL107, DECIDED, Terms.none().build()))
                .when(new AssessOwnPayment(GRANT, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), true,
                        new BigDecimal("10000"), new BigDecimal("7000"), false))
                .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                        .isEqualByComparingTo("6000")));
        fixture.given(granted(Paragraph.SEL107, DECIDED, Terms.none().build()))
                .when(new AssessOwnPayment(GRANT, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), true,
                        new BigDecimal("10000"), new BigDecimal("8000"), true))
                .expectEventsMatching(payloads(events -> assertThat(((OwnPaymentAssessed) events.get(0)).amount())
                        .isEqualByComparingTo("7500")));
    }

    @Test
    @DisplayName("SEL103-WAGE: within 10 km the citizen pays daily transport, but never more than 30 % of net earnings")
    void section103Transport() {
        fixture.given(granted(Paragraph.SEL103, DECIDED, Terms.none().build()))
                .when(new AssessTransportContribution(GRANT, YearMonth.of(2025, 3), new BigDecimal("8"),
                        new BigDecimal("600"), new BigDecimal("1500")))
                .expectEvents(new TransportContributionAssessed(GRANT, CASE, YearMonth.of(2025, 3), new BigDecimal("450.00"),
                        new BigDecimal("150.00")));
        fixture.given(granted(Paragraph.SEL103, DECIDED, Terms.none().build()))
                .when(new AssessTransportContribution(GRANT, YearMonth.of(2025, 3), new BigDecimal("20"),
                        new BigDecimal("600"), new BigDecimal("1500")))
                .expectEvents(new TransportContributionAssessed(GRANT, CASE, YearMonth.of(2025, 3), new BigDecimal("300.00"),
                        new BigDecimal("300.00")));
    }
}
