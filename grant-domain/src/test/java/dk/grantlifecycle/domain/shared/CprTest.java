package dk.grantlifecycle.domain.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CprTest {

    @ParameterizedTest(name = "CPR-VALID: {0} is born {1}")
    @CsvSource({
            "010190-1234, 1990-01-01",
            "3112993999, 1999-12-31",
            "010136-4000, 2036-01-01",
            "010137-4000, 1937-01-01",
            "010157-5000, 2057-01-01",
            "010158-8000, 1858-01-01",
            "290200-9000, 2000-02-29",
            "150608-4111, 2008-06-15"})
    void centuryComesFromTheSeventhDigit(String cpr, LocalDate born) {
        assertThat(Cpr.of(cpr).birthDate()).isEqualTo(born);
    }

    @ParameterizedTest(name = "CPR-VALID: {0} is refused")
    @ValueSource(strings = {"", "12345", "0101901234x", "01-0190-1234", "320190-1234", "290201-1234", "011390-1234"})
    void invalidNumbersAreRefused(String cpr) {
        assertThatThrownBy(() -> Cpr.of(cpr)).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).ruleId()).isEqualTo(RuleId.CPR_VALID));
    }

    @Test
    @DisplayName("CPR-VALID: no modulus-11 check; numbers since 2007 may fail it")
    void noModulus11() {
        assertThat(Cpr.of("010190-1235").birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR: a CPR number and a name never show in toString")
    void neverInClearText() {
        CitizenIdentity who = new CitizenIdentity(Cpr.of("010190-1234"), "Jens Jensen");
        assertThat(who.toString()).doesNotContain("0101901234", "010190", "Jens");
        assertThat(who.cpr().toString()).doesNotContain("010190");
    }

    @Test
    void ageOnADate() {
        Cpr cpr = Cpr.of("150608-4111");
        assertThat(cpr.ageOn(LocalDate.of(2026, 6, 14))).isEqualTo(17);
        assertThat(cpr.ageOn(LocalDate.of(2026, 6, 15))).isEqualTo(18);
    }
}
