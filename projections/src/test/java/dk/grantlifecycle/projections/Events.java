package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseProcessingDeadlineSet;
import dk.grantlifecycle.domain.application.ApplicationSource;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Test data for the projection tests: one § 85 case in Lejre, its decision and its grant line. */
final class Events {

    static final ApplicationId APPLICATION = ApplicationId.of("application-0001");
    static final CaseId CASE = CaseId.of(APPLICATION);
    static final GrantId GRANT = GrantId.of("grant-00000001");
    static final DecisionId DECISION = DecisionId.of("decision-0001");
    static final CitizenId CITIZEN = CitizenId.of("citizen-0001");
    static final MunicipalityId LEJRE = MunicipalityId.of("lejre");
    static final RuleSetVersion VERSION = new RuleSetVersion("lejre", LocalDate.of(2025, 8, 11), LocalDate.of(2018, 7, 1));
    static final DecisionContent CONTENT = new DecisionContent("Serviceloven § 85", "trainable need", "VUM",
            new DecisionContent.ComplaintGuidance("Lejre Kommune", "in writing or orally", null, null));
    static final GrantTerms TERMS = GrantTerms.described("Træning i madlavning").withHoursPerMonth(BigDecimal.valueOf(8));

    private Events() {
    }

    static ApplicationReceived received(ApplicationId id, String team, LocalDate on) {
        return new ApplicationReceived(id, CITIZEN, new CitizenIdentity(Cpr.of("010190-1234"), "Test Borger"), LEJRE,
                Paragraph.SEL85, List.of(new RequestedService("MADLAVNING", "Træning i madlavning", List.of("PRACTICAL_TASKS"))),
                new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), false, on, team, Set.of(), VERSION);
    }

    static CaseProcessingDeadlineSet caseDeadline(ApplicationId id, int n, RuleId rule, LocalDate due) {
        return new CaseProcessingDeadlineSet(id, Deadline.of(DeadlineId.of(id, "case-processing", n), DeadlineKind.CASE_PROCESSING,
                rule, due, Party.MUNICIPALITY));
    }

    static ServiceDecision grantedOutcome() {
        return new ServiceDecision(GRANT, Paragraph.SEL85, ServiceDecision.Service.named("MADLAVNING", "Træning i madlavning"),
                ServiceDecision.Outcome.GRANTED, TERMS, new ServiceDecision.Grounds(List.of(RuleId.SEL85_TARGET), null, List.of(), List.of()),
                new ServiceDecision.Plan(ServiceDecision.ActionPlanDuty.CONSIDER, true, List.of(), null), null);
    }

    static ServiceGranted granted(LocalDate on) {
        return new ServiceGranted(GRANT, CASE, APPLICATION, DECISION, on, CITIZEN, LEJRE, VERSION, grantedOutcome(), CONTENT, on);
    }
}
