package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.EraseCitizenData;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationWithdrawn;
import dk.grantlifecycle.domain.application.ApplicationEvent.CitizenDataErased;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.shared.AgeBand;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.support.InMemoryCitizenGrants;
import dk.grantlifecycle.domain.support.Terms;
import dk.grantlifecycle.domain.support.TestRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.support.ApplicationEvents.assessmentAttached;
import static dk.grantlifecycle.domain.support.ApplicationEvents.received;
import static dk.grantlifecycle.domain.support.Cases.*;
import static dk.grantlifecycle.domain.support.EventsMatching.violationOf;

/**
 * NO-DELETE-WITHOUT-ARCHIVE: a citizen's personal data is erased by making it unreadable, recorded
 * as an audited event; while the case is under its retention rule (open, or closed less than the
 * law file's 5 years ago) only with the archive authority's permission. The case itself stays.
 */
class CitizenDataErasureTest {

    private static final LocalDate RECEIVED = LocalDate.of(2019, 2, 4);
    private static final LocalDate WITHDRAWN = LocalDate.of(2019, 3, 4);

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(TestRules.FIXTURE);
        fixture.registerInjectableResource(new InMemoryCitizenGrants());
    }

    private static ApplicationReceived receivedFromAdult() {
        return received(LEJRE, Paragraph.SEL85, RECEIVED, service("STØTTE", "SOCIAL_LIFE"));
    }

    private static ApplicationWithdrawn withdrawn() {
        return new ApplicationWithdrawn(APPLICATION, WITHDRAWN, StatementForm.WRITTEN, null, List.of());
    }

    @Test
    @DisplayName("NO-DELETE-WITHOUT-ARCHIVE: an open case's citizen data is not erased without the archive authority's permission")
    void openCaseNeedsPermission() {
        fixture.given(receivedFromAdult())
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2019, 2, 20), "the citizen asked (GDPR art. 17)", null))
                .expectNoEvents()
                .expectException(violationOf("NO-DELETE-WITHOUT-ARCHIVE", "archivePermission"));
    }

    @Test
    @DisplayName("NO-DELETE-WITHOUT-ARCHIVE: with the archive authority's permission the erasure is recorded with it")
    void permissionAllowsErasure() {
        fixture.given(receivedFromAdult())
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2019, 2, 20), "the citizen asked (GDPR art. 17)",
                        "Stadsarkivet 2019-114"))
                .expectEvents(new CitizenDataErased(APPLICATION, CITIZEN, LocalDate.of(2019, 2, 20),
                        "the citizen asked (GDPR art. 17)", true, "Stadsarkivet 2019-114"));
    }

    @Test
    @DisplayName("NO-DELETE-WITHOUT-ARCHIVE: a case closed on 4 March 2019 is retained until 3 March 2024; from 4 March 2024 no permission is needed")
    void retentionEndsFiveYearsAfterClosing() {
        fixture.given(receivedFromAdult(), withdrawn())
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2024, 3, 3), "retention passed", null))
                .expectException(violationOf("NO-DELETE-WITHOUT-ARCHIVE", "archivePermission"));
        fixture.given(receivedFromAdult(), withdrawn())
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2024, 3, 4), "retention passed", null))
                .expectEvents(new CitizenDataErased(APPLICATION, CITIZEN, LocalDate.of(2024, 3, 4), "retention passed", false, null));
    }

    @Test
    @DisplayName("NO-DELETE-WITHOUT-ARCHIVE: an erasure names why; a repeat records nothing more")
    void reasonRequiredAndRepeatChangesNothing() {
        fixture.given(receivedFromAdult(), withdrawn())
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2024, 3, 4), " ", null))
                .expectException(violationOf("NO-DELETE-WITHOUT-ARCHIVE", "reason"));
        fixture.given(receivedFromAdult(), withdrawn(),
                        new CitizenDataErased(APPLICATION, CITIZEN, LocalDate.of(2024, 3, 4), "retention passed", false, null))
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2024, 3, 5), "again", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("ANONYMOUS: an anonymous case holds no personal data to erase")
    void anonymousCaseHasNothingToErase() {
        fixture.given(new ApplicationReceived(APPLICATION, null, null, LEJRE, Paragraph.SEL85, List.of(service("STØTTE", "SOCIAL_LIFE")),
                        new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), false, RECEIVED, "team-1", Set.of(),
                        TestRules.FIXTURE.inForce(LEJRE, Paragraph.SEL85, RECEIVED).version(),
                        new Anonymity("ANON-9", new AgeBand(30, 39))))
                .when(new EraseCitizenData(APPLICATION, LocalDate.of(2019, 2, 20), "asked", "Stadsarkivet 2019-1"))
                .expectException(violationOf("ANONYMOUS", "applicationId"));
    }

    @Test
    @DisplayName("PII-NOT-IN-CLEAR, ELIG-ADULT: once the CPR number reads as erased the citizen's age is unknown and no age rule is passed by default")
    void erasedCitizenHasNoAge() {
        ApplicationReceived erased = received(CitizenIdentity.erasedIdentity(), LEJRE, Paragraph.SEL85, RECEIVED, false, Set.of(),
                service("STØTTE", "SOCIAL_LIFE"));
        fixture.given(erased, assessmentAttached(RECEIVED, "SOCIAL_LIFE", 3))
                .when(decide(LocalDate.of(2019, 3, 1), granted("STØTTE", GRANT, Terms.sel85().build())))
                .expectException(violationOf("ELIG-ADULT", "outcomes[0]"));
    }
}
