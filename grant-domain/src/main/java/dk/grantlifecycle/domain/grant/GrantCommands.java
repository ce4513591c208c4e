package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ProviderRelation;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

public final class GrantCommands {

    private GrantCommands() {
    }

    /** The case process opens the grant line of one outcome of an application's decision. */
    public record OpenGrant(@TargetAggregateIdentifier GrantId grantId, ApplicationId applicationId, DecisionId decisionId,
                            LocalDate decidedOn, CitizenId citizenId, MunicipalityId municipality,
                            RuleSetVersion ruleSetVersion, ServiceDecision decision, DecisionContent content,
                            LocalDate receivedByCitizenOn) {
    }

    /** SEL99-NO-VISITATION: outreach contact without application or assessment; the citizen may be anonymous. */
    public record StartOutreachContact(@TargetAggregateIdentifier GrantId grantId, MunicipalityId municipality,
                                       CitizenId citizenId, LocalDate startedOn, String description) {
    }

    /** SEL99-NO-VISITATION: when asked, outreach support still gets a decision with reasons and complaint guidance. */
    /** A § 99 written decision on request: a decision like any other, sent and received (RECEIPT). */
    public record IssueWrittenDecision(@TargetAggregateIdentifier GrantId grantId, DecisionId decisionId,
                                       LocalDate decidedOn, DecisionContent content, Delivery delivery) {
    }

    public record OfferActionPlan(@TargetAggregateIdentifier GrantId grantId, LocalDate offeredOn) {
    }

    public record AnswerActionPlan(@TargetAggregateIdentifier GrantId grantId, LocalDate answeredOn, boolean accepted) {
    }

    /**
     * @param citizenChoice  the provider is the citizen's own choice (NO-FREE-CHOICE)
     * @param comparableOffer the chosen offer is comparable and not considerably more expensive (§ 108)
     */
    public record AssignProvider(@TargetAggregateIdentifier GrantId grantId, LocalDate assignedOn, String provider,
                                 ProviderRelation relation, String individualAssessment, boolean citizenChoice,
                                 boolean comparableOffer) {
    }

    public record StartService(@TargetAggregateIdentifier GrantId grantId, LocalDate startedOn,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * More support. {@code asRequested}: it gives all the citizen asked for; if not, the decision is
     * not fully in the citizen's favour and states reasons and complaint guidance (DECISION-CONTENT).
     */
    public record IncreaseScope(@TargetAggregateIdentifier GrantId grantId, DecisionId decisionId, LocalDate decidedOn,
                                GrantTerms terms, Boolean asRequested, DecisionContent content, Delivery delivery,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * A reduction. Under NOTICE-3A-14W it takes effect at the earliest 14 weeks after receipt;
     * otherwise on {@code effectiveOn} (default: at once). The current terms run until then.
     */
    public record ReduceScope(@TargetAggregateIdentifier GrantId grantId, DecisionId decisionId, LocalDate decidedOn,
                              GrantTerms terms, LocalDate effectiveOn, DecisionContent content, Delivery delivery,
                              boolean factsNotSeenByCitizen, HearingId hearingId, @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * END-REASONS; {@code replacedBy} names a service that takes over (EXCL-99-SUPPLEMENT);
     * {@code citizenDeclinesAfterCare}: the citizen declines follow-ups after the end (SEL101-STATUS).
     */
    public record TerminateGrant(@TargetAggregateIdentifier GrantId grantId, DecisionId decisionId, LocalDate decidedOn,
                                 EndReason reason, LocalDate effectiveOn, Paragraph replacedBy, DecisionContent content,
                                 Delivery delivery, boolean factsNotSeenByCitizen, HearingId hearingId,
                                 boolean citizenDeclinesAfterCare, @TargetAggregateVersion Long expectedVersion) {
    }

    /** COMPLAINT-ANY-FORM: a complaint about one of the grant's decisions, in any form, on time or late. */
    public record ReceiveComplaint(@TargetAggregateIdentifier GrantId grantId, ComplaintId complaintId, DecisionId decisionId,
                                   LocalDate receivedOn, StatementForm form, ComplaintSubject subject, String summary) {
    }

    /**
     * COMPLAINT-RECONSIDER: the municipality's reconsideration. Changed in the citizen's favour:
     * the complaint ends and {@code newDecisionId} records the new decision (with {@code terms} when
     * the service is now granted or its scope changed). Upheld, fully or partly: the complaint goes
     * to Ankestyrelsen with the case material listed.
     */
    /**
     * COMPLAINT-RECONSIDER. A change (in full, or in part with new terms) is a new decision: it is
     * sent and received ({@code delivery}), and a partial change states its reasons and complaint
     * guidance ({@code content}, DECISION-CONTENT).
     */
    public record ReconsiderComplaint(@TargetAggregateIdentifier GrantId grantId, ComplaintId complaintId, LocalDate reconsideredOn,
                                      ReconsiderationOutcome outcome, String reasons, DecisionId newDecisionId,
                                      GrantTerms terms, List<String> caseMaterial, DecisionContent content, Delivery delivery) {
    }

    /**
     * RECEIPT: the citizen received the decision on {@code receivedOn}, as the letter or Digital Post
     * system confirms it ({@code messageId} identifies the confirmation; a repeat changes nothing).
     */
    public record RecordReceipt(@TargetAggregateIdentifier GrantId grantId, DecisionId decisionId, DeliveryChannel channel,
                                LocalDate receivedOn, String messageId) {
    }

    /** APPEAL-OUTCOME: Ankestyrelsen's decision, received on {@code receivedOn}. */
    public record RecordAppealDecision(@TargetAggregateIdentifier GrantId grantId, ComplaintId complaintId, AppealOutcome outcome,
                                       LocalDate decidedOn, LocalDate receivedOn, String reference) {
    }

    /** COMPLAINT-NO-SUSPENSION: Ankestyrelsen grants suspensive effect to a complaint. */
    public record RecordSuspension(@TargetAggregateIdentifier GrantId grantId, ComplaintId complaintId, LocalDate grantedOn,
                                   String reference) {
    }

    /** HEARING before a later decision on the grant. */
    public record HearCitizen(@TargetAggregateIdentifier GrantId grantId, HearingId hearingId, LocalDate sentOn,
                              LocalDate answerBy, String facts, Delivery delivery) {
    }

    public record RecordHearingAnswer(@TargetAggregateIdentifier GrantId grantId, HearingId hearingId, LocalDate answeredOn,
                                      String answer) {
    }

    /** SHELTER-NOTIFY: the shelter's notice of an admission or a discharge reached the municipality. */
    public record RecordShelterNotification(@TargetAggregateIdentifier GrantId grantId, ShelterNotice kind,
                                            LocalDate receivedOn) {
    }

    /** Hours used in a month (§ 97 companion hours, § 98 contact hours). */
    public record RecordHoursUsed(@TargetAggregateIdentifier GrantId grantId, YearMonth month, BigDecimal hours) {
    }

    /** SEL98-HOURS: hours that could not be used are moved to another month. */
    public record MoveHours(@TargetAggregateIdentifier GrantId grantId, YearMonth from, YearMonth to, BigDecimal hours,
                            String reason) {
    }

    /** SEL97-SAVE-90H: the yearly companion expenses subsidy. */
    public record GrantCompanionExpenses(@TargetAggregateIdentifier GrantId grantId, int year, BigDecimal amount) {
    }

    /** SEL85-HOLIDAY-7D */
    public record RecordHolidaySupport(@TargetAggregateIdentifier GrantId grantId, LocalDate from, LocalDate to,
                                       boolean inDenmark) {
    }

    /**
     * OWN-PAYMENT for a stay from {@code from} to {@code to} (nights). § 107: {@code proposedMonthlyPayment}
     * is capped so the citizen keeps the minimum.
     */
    public record AssessOwnPayment(@TargetAggregateIdentifier GrantId grantId, LocalDate from, LocalDate to,
                                   boolean hasIncome, BigDecimal monthlyNetIncome, BigDecimal proposedMonthlyPayment,
                                   boolean mealsIncluded) {
    }

    /** SEL103-WAGE: the citizen's part of a month's daily transport. */
    public record AssessTransportContribution(@TargetAggregateIdentifier GrantId grantId, YearMonth month,
                                              BigDecimal distanceKm, BigDecimal transportCost, BigDecimal netEarnings) {
    }
}
