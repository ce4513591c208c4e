package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.citizen.CitizenPseudonyms;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.AppealOutcome;
import dk.grantlifecycle.domain.decision.ComplaintSubject;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.decision.EndReason;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ProviderRelation;
import dk.grantlifecycle.domain.decision.ReconsiderationOutcome;
import dk.grantlifecycle.domain.decision.ShelterNotice;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.followup.FollowUpCommands.CompleteFollowUp;
import dk.grantlifecycle.domain.followup.FollowUpCommands.RecordCancellationByCitizen;
import dk.grantlifecycle.domain.grant.GrantCommands.*;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.ComplaintId;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import dk.grantlifecycle.projections.CaseQueries;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;

/** A service line after its decision: action plan, provider, start, changes, ending, accounts and follow-ups. */
@RestController
public class GrantController {

    private final Commands commands;
    private final CaseQueries queries;
    private final CitizenPseudonyms pseudonyms;

    public GrantController(Commands commands, CaseQueries queries, CitizenPseudonyms pseudonyms) {
        this.commands = commands;
        this.queries = queries;
        this.pseudonyms = pseudonyms;
    }

    @GetMapping("/grants/{id}")
    public CaseQueries.GrantView grant(@PathVariable String id) {
        return queries.grantById(GrantId.of(id).value()).orElseThrow(() -> new AggregateNotFoundException(id, "no grant " + id));
    }

    public record DateRequest(LocalDate on) {
    }

    @PostMapping("/grants/{id}/action-plan/offer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void offerActionPlan(@PathVariable String id, @RequestBody(required = false) DateRequest r, Actor actor) {
        commands.send(new OfferActionPlan(GrantId.of(id), commands.happenedOn(r == null ? null : r.on(), "on")), actor);
    }

    public record ActionPlanAnswer(LocalDate answeredOn, boolean accepted) {
    }

    @PostMapping("/grants/{id}/action-plan/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void answerActionPlan(@PathVariable String id, @RequestBody ActionPlanAnswer r, Actor actor) {
        commands.send(new AnswerActionPlan(GrantId.of(id), commands.happenedOn(r.answeredOn(), "answeredOn"), r.accepted()), actor);
    }

    public record ProviderRequest(@NotNull @Size(max = 256) String provider, ProviderRelation relation, String individualAssessment,
                                  boolean citizenChoice, boolean comparableOffer, LocalDate assignedOn) {
    }

    @PostMapping("/grants/{id}/provider")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void provider(@PathVariable String id, @Valid @RequestBody ProviderRequest r, Actor actor) {
        commands.send(new AssignProvider(GrantId.of(id), commands.happenedOn(r.assignedOn(), "assignedOn"), r.provider(),
                r.relation() == null ? ProviderRelation.NONE : r.relation(), r.individualAssessment(), r.citizenChoice(),
                r.comparableOffer()), actor);
    }

    public record StartRequest(LocalDate startedOn) {
    }

    @PostMapping("/grants/{id}/start")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void start(@PathVariable String id, @RequestBody(required = false) StartRequest r, Actor actor) {
        commands.send(new StartService(GrantId.of(id), commands.happenedOn(r == null ? null : r.startedOn(), "startedOn"), null), actor);
    }

    /** {@code asRequested}: an increase gives all the citizen asked for (required for an increase). */
    public record ScopeRequest(LocalDate decidedOn, @NotNull GrantTerms terms, Boolean asRequested, LocalDate effectiveOn,
                               DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen, HearingId hearingId) {
    }

    public record DecisionCreated(String decisionId) {
    }

    @PostMapping("/grants/{id}/scope-increase")
    public DecisionCreated increase(@PathVariable String id, @Valid @RequestBody ScopeRequest r, Actor actor) {
        DecisionId decision = DecisionId.random();
        commands.send(new IncreaseScope(GrantId.of(id), decision, commands.happenedOn(r.decidedOn(), "decidedOn"), r.terms(),
                r.asRequested(), r.content(), commands.delivery(r.delivery()), null), actor);
        return new DecisionCreated(decision.value());
    }

    @PostMapping("/grants/{id}/scope-reduction")
    public DecisionCreated reduce(@PathVariable String id, @Valid @RequestBody ScopeRequest r, Actor actor) {
        DecisionId decision = DecisionId.random();
        commands.send(new ReduceScope(GrantId.of(id), decision, commands.happenedOn(r.decidedOn(), "decidedOn"), r.terms(),
                r.effectiveOn(), r.content(), commands.delivery(r.delivery()), r.factsNotSeenByCitizen(), r.hearingId(), null), actor);
        return new DecisionCreated(decision.value());
    }

    public record TerminationRequest(LocalDate decidedOn, @NotNull EndReason reason, LocalDate effectiveOn, Paragraph replacedBy,
                                     DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen, HearingId hearingId,
                                     boolean citizenDeclinesAfterCare) {
    }

    @PostMapping("/grants/{id}/termination")
    public DecisionCreated terminate(@PathVariable String id, @Valid @RequestBody TerminationRequest r, Actor actor) {
        DecisionId decision = DecisionId.random();
        commands.send(new TerminateGrant(GrantId.of(id), decision, commands.happenedOn(r.decidedOn(), "decidedOn"), r.reason(),
                r.effectiveOn(), r.replacedBy(), r.content(), commands.delivery(r.delivery()), r.factsNotSeenByCitizen(), r.hearingId(),
                r.citizenDeclinesAfterCare(), null), actor);
        return new DecisionCreated(decision.value());
    }

    public record HoursRequest(@NotNull YearMonth month, @NotNull BigDecimal hours) {
    }

    @PostMapping("/grants/{id}/hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void hoursUsed(@PathVariable String id, @Valid @RequestBody HoursRequest r, Actor actor) {
        commands.send(new RecordHoursUsed(GrantId.of(id), r.month(), r.hours()), actor);
    }

    public record MoveRequest(@NotNull YearMonth from, @NotNull YearMonth to, @NotNull BigDecimal hours, String reason) {
    }

    @PostMapping("/grants/{id}/hours/moves")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void moveHours(@PathVariable String id, @Valid @RequestBody MoveRequest r, Actor actor) {
        commands.send(new MoveHours(GrantId.of(id), r.from(), r.to(), r.hours(), r.reason()), actor);
    }

    public record ExpensesRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026") int year,
                                  @NotNull BigDecimal amount) {
    }

    @PostMapping("/grants/{id}/companion-expenses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void companionExpenses(@PathVariable String id, @Valid @RequestBody ExpensesRequest r, Actor actor) {
        commands.send(new GrantCompanionExpenses(GrantId.of(id), r.year(), r.amount()), actor);
    }

    public record HolidayRequest(@NotNull LocalDate from, @NotNull LocalDate to, boolean inDenmark) {
    }

    @PostMapping("/grants/{id}/holiday-support")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void holiday(@PathVariable String id, @Valid @RequestBody HolidayRequest r, Actor actor) {
        commands.send(new RecordHolidaySupport(GrantId.of(id), r.from(), r.to(), r.inDenmark()), actor);
    }

    public record OwnPaymentRequest(@NotNull LocalDate from, @NotNull LocalDate to, boolean hasIncome, BigDecimal monthlyNetIncome,
                                    BigDecimal proposedMonthlyPayment, boolean mealsIncluded) {
    }

    @PostMapping("/grants/{id}/own-payment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void ownPayment(@PathVariable String id, @Valid @RequestBody OwnPaymentRequest r, Actor actor) {
        commands.send(new AssessOwnPayment(GrantId.of(id), r.from(), r.to(), r.hasIncome(), r.monthlyNetIncome(),
                r.proposedMonthlyPayment(), r.mealsIncluded()), actor);
    }

    public record TransportRequest(@NotNull YearMonth month, @NotNull BigDecimal distanceKm, @NotNull BigDecimal transportCost,
                                   @NotNull BigDecimal netEarnings) {
    }

    @PostMapping("/grants/{id}/transport")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void transport(@PathVariable String id, @Valid @RequestBody TransportRequest r, Actor actor) {
        commands.send(new AssessTransportContribution(GrantId.of(id), r.month(), r.distanceKm(), r.transportCost(),
                r.netEarnings()), actor);
    }

    public record FollowUpCompletion(@NotNull String deadlineKey, LocalDate completedOn, @Size(max = 2000) String note) {
    }

    @PostMapping("/grants/{id}/follow-ups/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void completeFollowUp(@PathVariable String id, @Valid @RequestBody FollowUpCompletion r, Actor actor) {
        commands.send(new CompleteFollowUp(FollowUpId.forGrant(GrantId.of(id)), DeadlineId.of(r.deadlineKey()),
                commands.happenedOn(r.completedOn(), "completedOn"), r.note(), null), actor);
    }

    public record CancellationRequest(LocalDate cancelledOn) {
    }

    @PostMapping("/grants/{id}/follow-ups/cancellations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void citizenCancelled(@PathVariable String id, @RequestBody(required = false) CancellationRequest r, Actor actor) {
        commands.send(new RecordCancellationByCitizen(FollowUpId.forGrant(GrantId.of(id)),
                commands.happenedOn(r == null ? null : r.cancelledOn(), "cancelledOn")), actor);
    }

    public record OutreachRequest(@NotNull String municipality, @PersonalData String cpr, LocalDate startedOn,
                                  @Size(max = 500) String description) {
        @Override
        public String toString() {
            return "OutreachRequest[" + municipality + "]";
        }
    }

    /** SEL99-NO-VISITATION: outreach support without application; the CPR number is optional (ANONYMOUS). */
    @PostMapping("/outreach")
    @ApiResponse(responseCode = "201", description = "the outreach contact is recorded", useReturnTypeSchema = true)
    public ResponseEntity<Created> outreach(@Valid @RequestBody OutreachRequest r, Actor actor) {
        GrantId id = GrantId.random();
        CitizenId citizen = r.cpr() == null || r.cpr().isBlank() ? null : pseudonyms.of(BadInput.cpr(r.cpr(), "cpr"));
        commands.send(new StartOutreachContact(id, MunicipalityId.of(r.municipality()),
                citizen, commands.happenedOn(r.startedOn(), "startedOn"), r.description()), actor);
        return ResponseEntity.created(URI.create("/grants/" + id)).body(new Created(id.value()));
    }

    public record WrittenDecisionRequest(LocalDate decidedOn, @NotNull DecisionContent content, Delivery delivery) {
    }

    @PostMapping("/grants/{id}/written-decision")
    public DecisionCreated writtenDecision(@PathVariable String id, @Valid @RequestBody WrittenDecisionRequest r, Actor actor) {
        DecisionId decision = DecisionId.random();
        commands.send(new IssueWrittenDecision(GrantId.of(id), decision, commands.happenedOn(r.decidedOn(), "decidedOn"),
                r.content(), commands.delivery(r.delivery())), actor);
        return new DecisionCreated(decision.value());
    }

    @GetMapping("/grants/{id}/complaints")
    public java.util.List<CaseQueries.ComplaintView> complaints(@PathVariable String id) {
        return queries.complaintsOfGrant(GrantId.of(id).value());
    }

    /** A confirmation of the citizen's receipt; {@code reference} identifies it (e.g. a letter system's message id). */
    public record ReceiptRequest(@NotNull DeliveryChannel channel, @NotNull LocalDate receivedOn, @Size(max = 256) String reference) {
    }

    /** RECEIPT: the citizen received the decision; a later receipt than presumed moves its complaint window and effect. */
    @PostMapping("/grants/{id}/decisions/{decisionId}/receipt")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void receipt(@PathVariable String id, @PathVariable String decisionId, @Valid @RequestBody ReceiptRequest r, Actor actor) {
        commands.send(new RecordReceipt(GrantId.of(id), DecisionId.of(decisionId), r.channel(),
                commands.happenedOn(r.receivedOn(), "receivedOn"), r.reference()), actor);
    }

    public record ComplaintRequest(@NotNull String decisionId, LocalDate receivedOn, StatementForm form, ComplaintSubject subject,
                                   @Size(max = 4000) String summary) {
    }

    /** COMPLAINT-ANY-FORM: a complaint about one of the grant's decisions, in whatever form it came. */
    @PostMapping("/grants/{id}/complaints")
    @ApiResponse(responseCode = "201", description = "the complaint is recorded", useReturnTypeSchema = true)
    public ResponseEntity<Created> complaint(@PathVariable String id, @Valid @RequestBody ComplaintRequest r, Actor actor) {
        ComplaintId complaintId = ComplaintId.random();
        commands.send(new ReceiveComplaint(GrantId.of(id), complaintId, DecisionId.of(r.decisionId()),
                commands.happenedOn(r.receivedOn(), "receivedOn"), r.form(), r.subject(), r.summary()), actor);
        return ResponseEntity.created(URI.create("/grants/" + id + "/complaints")).body(new Created(complaintId.value()));
    }

    /** A change (in full, or in part with {@code terms}) is a new decision, sent by {@code delivery} with its {@code content}. */
    public record ReconsiderationRequest(LocalDate reconsideredOn, @NotNull ReconsiderationOutcome outcome, String reasons,
                                         GrantTerms terms, java.util.List<String> caseMaterial, DecisionContent content,
                                         Delivery delivery) {
    }

    public record Reconsidered(String newDecisionId) {
    }

    @PostMapping("/grants/{id}/complaints/{complaintId}/reconsideration")
    public Reconsidered reconsider(@PathVariable String id, @PathVariable String complaintId,
                                   @Valid @RequestBody ReconsiderationRequest r, Actor actor) {
        boolean newDecision = r.outcome() == ReconsiderationOutcome.CHANGED_IN_FAVOUR || r.terms() != null;
        DecisionId decision = newDecision ? DecisionId.random() : null;
        commands.send(new ReconsiderComplaint(GrantId.of(id), ComplaintId.of(complaintId), commands.happenedOn(r.reconsideredOn(), "reconsideredOn"),
                r.outcome(), r.reasons(), decision, r.terms(), r.caseMaterial(), r.content(), commands.delivery(r.delivery())), actor);
        return new Reconsidered(decision == null ? null : decision.value());
    }

    public record AppealDecisionRequest(@NotNull AppealOutcome outcome, LocalDate decidedOn, LocalDate receivedOn,
                                        @Size(max = 128) String reference) {
    }

    @PostMapping("/grants/{id}/complaints/{complaintId}/appeal-decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void appealDecided(@PathVariable String id, @PathVariable String complaintId, @Valid @RequestBody AppealDecisionRequest r,
                              Actor actor) {
        commands.send(new RecordAppealDecision(GrantId.of(id), ComplaintId.of(complaintId), r.outcome(),
                r.decidedOn() == null ? null : commands.happenedOn(r.decidedOn(), "decidedOn"),
                commands.happenedOn(r.receivedOn(), "receivedOn"), r.reference()), actor);
    }

    public record SuspensionRequest(LocalDate grantedOn, @Size(max = 128) String reference) {
    }

    @PostMapping("/grants/{id}/complaints/{complaintId}/suspension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void suspension(@PathVariable String id, @PathVariable String complaintId, @Valid @RequestBody SuspensionRequest r,
                           Actor actor) {
        commands.send(new RecordSuspension(GrantId.of(id), ComplaintId.of(complaintId), commands.happenedOn(r.grantedOn(), "grantedOn"),
                r.reference()), actor);
    }

    @PostMapping("/grants/{id}/hearings")
    @ApiResponse(responseCode = "201", description = "the hearing is recorded", useReturnTypeSchema = true)
    public ResponseEntity<Created> hear(@PathVariable String id, @Valid @RequestBody HearingRequests.Hearing r, Actor actor) {
        HearingId hearingId = HearingId.random();
        commands.send(new HearCitizen(GrantId.of(id), hearingId, commands.happenedOn(r.sentOn(), "sentOn"), r.answerBy(),
                r.facts(), commands.delivery(r.delivery())), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(hearingId.value()));
    }

    @PostMapping("/grants/{id}/hearings/{hearingId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void hearingAnswer(@PathVariable String id, @PathVariable String hearingId, @Valid @RequestBody HearingRequests.Answer r,
                              Actor actor) {
        commands.send(new RecordHearingAnswer(GrantId.of(id), HearingId.of(hearingId), commands.happenedOn(r.answeredOn(), "answeredOn"),
                r.answer()), actor);
    }

    public record ShelterNotificationRequest(@NotNull ShelterNotice kind, LocalDate receivedOn) {
    }

    /** SHELTER-NOTIFY: the shelter's notice of admission or discharge, or its contact in the stay's first days (CONTACT), arrived. */
    @PostMapping("/grants/{id}/shelter-notifications")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void shelterNotified(@PathVariable String id, @Valid @RequestBody ShelterNotificationRequest r, Actor actor) {
        commands.send(new RecordShelterNotification(GrantId.of(id), r.kind(), commands.happenedOn(r.receivedOn(), "receivedOn")),
                actor);
    }
}
