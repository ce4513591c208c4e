package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.AssessmentAttached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.application.ApplicationEvent.TreatmentGuaranteeSet;
import dk.grantlifecycle.domain.application.ApplicationSource;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingAnswered;
import dk.grantlifecycle.domain.hearing.HearingEvents.HearingRequested;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static dk.grantlifecycle.domain.support.Cases.*;

/**
 * The events of an application's history, given to the application's fixture in the shapes its
 * commands record them, so a test states the case it starts from and not the commands that led
 * there. Same style as {@link Cases}: static factories, one per event, dates written by the test.
 */
public final class ApplicationEvents {

    private ApplicationEvents() {
    }

    public static ApplicationReceived received(MunicipalityId m, Paragraph p, LocalDate on, RequestedService... services) {
        return received(ADULT, m, p, on, false, Set.of(), services);
    }

    /** The rule set version is the one in force at receipt in the tests' rule files; no test asserts on it here. */
    public static ApplicationReceived received(CitizenIdentity who, MunicipalityId m, Paragraph p, LocalDate on, boolean acute,
                                               Set<Fact> facts, RequestedService... services) {
        return new ApplicationReceived(APPLICATION, CITIZEN, who, m, p, Arrays.asList(services),
                new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), acute, on, "team-1", facts,
                TestRules.FIXTURE.inForce(m, p, on).version());
    }

    /** The {@code n}th case-processing deadline of {@link Cases#APPLICATION}: {@code <application>/case-processing/<n>}. */
    public static DeadlineId caseDeadline(int n) {
        return DeadlineId.of(APPLICATION, "case-processing", n);
    }

    /** CASE-DEADLINE, CASE-ACUTE, CASE-DEADLINE-LETTER, CASE-REMITTED: the municipality's deadline, due on its date. */
    public static CaseProcessingDeadlineSet caseDeadlineSet(int n, RuleId rule, LocalDate dueOn) {
        return new CaseProcessingDeadlineSet(APPLICATION,
                Deadline.of(caseDeadline(n), DeadlineKind.CASE_PROCESSING, rule, dueOn, Party.MUNICIPALITY));
    }

    /** SEL101-GUARANTEE: {@code <application>/treatment-guarantee}. */
    public static DeadlineId treatmentGuarantee() {
        return DeadlineId.of(APPLICATION, "treatment-guarantee", null);
    }

    public static TreatmentGuaranteeSet treatmentGuaranteeSet(LocalDate dueOn) {
        return new TreatmentGuaranteeSet(APPLICATION, Deadline.of(treatmentGuarantee(), DeadlineKind.TREATMENT_GUARANTEE,
                RuleId.SEL101_GUARANTEE, dueOn, Party.MUNICIPALITY));
    }

    public static AssessmentAttached assessmentAttached(LocalDate on, Object... themeAndLevel) {
        return new AssessmentAttached(APPLICATION, ASSESSMENT, scores(themeAndLevel), on);
    }

    /**
     * The decision {@link Cases#DECISION} on {@code on}, sent by Digital Post, closing the case
     * deadlines {@code closed}. Only its closing of deadlines and of the case matters to the
     * application afterwards, so the decision's other parts are plain.
     */
    public static ApplicationDecided decided(LocalDate on, List<DeadlineId> closed, ServiceDecision... outcomes) {
        return new ApplicationDecided(APPLICATION, DECISION, on, CITIZEN, LEJRE, Paragraph.SEL85,
                TestRules.FIXTURE.inForce(LEJRE, Paragraph.SEL85, on).version(), ASSESSMENT, Arrays.asList(outcomes), Set.of(),
                content(), DeliveryChannel.DIGITAL_POST, on, closed, null, null);
    }

    /** HEARING on the application: {@code <application>/hearing/<hearing>}, the citizen's deadline. */
    public static DeadlineId hearingDeadline(HearingId hearing) {
        return DeadlineId.of(APPLICATION.value(), "hearing", hearing);
    }

    public static HearingRequested hearingRequested(HearingId hearing, LocalDate sentOn, String facts, LocalDate answerDueOn) {
        return new HearingRequested(CASE, APPLICATION.value(), hearing, sentOn, facts,
                Deadline.of(hearingDeadline(hearing), DeadlineKind.HEARING_ANSWER, RuleId.HEARING, answerDueOn, Party.CITIZEN), null);
    }

    public static HearingAnswered hearingAnswered(HearingId hearing, LocalDate answeredOn, String answer) {
        return new HearingAnswered(CASE, APPLICATION.value(), hearing, answeredOn, answer, hearingDeadline(hearing));
    }
}
