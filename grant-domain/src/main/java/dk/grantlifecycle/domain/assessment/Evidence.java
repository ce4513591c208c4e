package dk.grantlifecycle.domain.assessment;

import java.time.LocalDate;

/**
 * VUM-EVIDENCE: documentation gathered for an assessment. Documentation from others than the
 * citizen (doctor, school, psychiatry, another authority) is gathered only with the citizen's consent.
 */
public record Evidence(Source source, String description, boolean consentGiven, LocalDate receivedOn) {

    public enum Source { CITIZEN, DOCTOR, SCHOOL, PSYCHIATRY, OTHER_AUTHORITY, PROVIDER }

    public boolean fromThirdParty() {
        return source != Source.CITIZEN;
    }
}
