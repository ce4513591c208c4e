package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.application.ApplicationId;
import dk.grantlifecycle.domain.rules.RuleSetVersion;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What happened to one service line: its decisions, its start, its changes and its ledgers. */
public sealed interface GrantEvent {

    GrantId grantId();

    /** The grant's first event: the outcome of one requested service, granted or rejected. */
    sealed interface Opened extends GrantEvent {
        String caseId();

        ServiceDecision decision();

        MunicipalityId municipality();

        CitizenId citizenId();

        DecisionId decisionId();

        LocalDate decidedOn();

        RuleSetVersion ruleSetVersion();

        DecisionContent content();

        LocalDate receivedByCitizenOn();
    }

    @Revision("1")
    record ServiceGranted(GrantId grantId, String caseId, ApplicationId applicationId, DecisionId decisionId,
                          LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                          RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                          LocalDate receivedByCitizenOn) implements Opened {
    }

    @Revision("1")
    record ServiceRejected(GrantId grantId, String caseId, ApplicationId applicationId, DecisionId decisionId,
                           LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                           RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                           LocalDate receivedByCitizenOn) implements Opened {
    }

    /** SEL99-NO-VISITATION: outreach support with no application or assessment; citizenId null when anonymous. */
    @Revision("1")
    record OutreachContactStarted(GrantId grantId, MunicipalityId municipality, CitizenId citizenId,
                                  LocalDate startedOn, String description, RuleSetVersion ruleSetVersion)
            implements GrantEvent {
    }

    @Revision("1")
    record WrittenDecisionIssued(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, DecisionContent content)
            implements GrantEvent {
    }

    @Revision("1")
    record ActionPlanOffered(GrantId grantId, LocalDate offeredOn) implements GrantEvent {
    }

    @Revision("1")
    record ActionPlanAnswered(GrantId grantId, LocalDate answeredOn, boolean accepted) implements GrantEvent {
    }

    @Revision("1")
    record ProviderAssigned(GrantId grantId, String provider, ProviderRelation relation, String individualAssessment,
                            boolean citizenChoice, List<String> ruleIds) implements GrantEvent {
    }

    @Revision("1")
    record ServiceStarted(GrantId grantId, String caseId, Paragraph paragraph, LocalDate startedOn) implements GrantEvent {
    }

    @Revision("1")
    record ScopeIncreased(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, GrantTerms terms,
                          RuleSetVersion ruleSetVersion, DecisionContent content) implements GrantEvent {
    }

    /** A reduction: the current terms run until {@code effectiveOn}, then {@code terms} apply. */
    @Revision("1")
    record ScopeReduced(GrantId grantId, DecisionId decisionId, LocalDate decidedOn, LocalDate effectiveOn,
                        GrantTerms terms, String noticeRule, RuleSetVersion ruleSetVersion, DecisionContent content,
                        LocalDate receivedByCitizenOn) implements GrantEvent {
    }

    @Revision("1")
    record GrantTerminated(GrantId grantId, String caseId, Paragraph paragraph, DecisionId decisionId,
                           LocalDate decidedOn, LocalDate effectiveOn, EndReason reason, String noticeRule,
                           RuleSetVersion ruleSetVersion, DecisionContent content, LocalDate receivedByCitizenOn,
                           boolean citizenDeclinesAfterCare) implements GrantEvent {
    }

    /** SEL97-SAVE-90H: hours drawn oldest first from the months they were credited in. */
    @Revision("1")
    record CompanionHoursUsed(GrantId grantId, YearMonth month, BigDecimal hours, List<CompanionHoursLedger.Draw> drawnFrom,
                              BigDecimal balanceAfter) implements GrantEvent {
    }

    @Revision("1")
    record ContactHoursUsed(GrantId grantId, YearMonth month, BigDecimal hours) implements GrantEvent {
    }

    /** SEL98-HOURS */
    @Revision("1")
    record ContactHoursMoved(GrantId grantId, YearMonth from, YearMonth to, BigDecimal hours, String reason)
            implements GrantEvent {
    }

    @Revision("1")
    record CompanionExpensesGranted(GrantId grantId, int year, BigDecimal amount) implements GrantEvent {
    }

    @Revision("1")
    record HolidaySupportRecorded(GrantId grantId, LocalDate from, LocalDate to, int days, int usedInYear)
            implements GrantEvent {
    }

    @Revision("1")
    record OwnPaymentAssessed(GrantId grantId, LocalDate from, LocalDate to, BigDecimal amount, String basis)
            implements GrantEvent {
    }

    @Revision("1")
    record TransportContributionAssessed(GrantId grantId, YearMonth month, BigDecimal citizenPays,
                                         BigDecimal municipalityPays) implements GrantEvent {
    }
}
