package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.citizen.CitizenPseudonyms;
import dk.grantlifecycle.api.security.CaseOwners;
import dk.grantlifecycle.domain.application.ApplicationCommands.*;
import dk.grantlifecycle.domain.application.Anonymity;
import dk.grantlifecycle.domain.application.ApplicationSource;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.application.ServiceLine;
import dk.grantlifecycle.domain.assessment.AssessmentCommands.StartAssessment;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.StatementForm;
import dk.grantlifecycle.domain.shared.AgeBand;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.HearingId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A caseworker's workflow from application to decision. */
@RestController
@RequestMapping("/applications")
public class ApplicationController {

    private final Commands commands;
    private final CitizenPseudonyms pseudonyms;
    private final CaseOwners owners;

    public ApplicationController(Commands commands, CitizenPseudonyms pseudonyms, CaseOwners owners) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
        this.owners = owners;
    }

    public record Citizen(@NotNull String cpr, @Size(max = 200) String name) {
        @Override
        public String toString() {
            return "Citizen[personal data]";
        }
    }

    /** ANONYMOUS: the stated age in whole years, from {@code from} to {@code to} (inclusive; no {@code to}: and older). */
    public record AgeBandInput(@NotNull Integer from, Integer to) {
    }

    /** ANONYMOUS (§ 109, § 101a, § 99): no CPR number, no name; the municipality's case reference names the case. */
    public record AnonymousInput(@NotNull @Size(min = 1, max = 128) String caseReference, @NotNull @Valid AgeBandInput ageBand) {
    }

    /** The citizen by CPR number and name, or {@code anonymous} instead (never both). */
    public record ReceiveRequest(@Valid @PersonalData Citizen citizen, @Valid AnonymousInput anonymous,
                                 @NotNull String municipality,
                                 @NotNull Paragraph paragraph, @NotEmpty @Size(max = 20) List<@Valid RequestedService> services,
                                 ApplicationSource source, boolean acute, LocalDate receivedOn, @Size(max = 128) String team,
                                 Set<Fact> facts) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "the application is recorded; the case is at Location", useReturnTypeSchema = true)
    public ResponseEntity<Created> receive(@Valid @RequestBody ReceiveRequest r, Actor actor) {
        CitizenId citizenId = null;
        CitizenIdentity citizen = null;
        Anonymity anonymous = null;
        if (r.anonymous() != null) {
            RuleViolation.require(r.citizen() == null, RuleId.ANONYMOUS, "citizen",
                    "an anonymous application records no CPR number or name");
            anonymous = new Anonymity(r.anonymous().caseReference(),
                    new AgeBand(r.anonymous().ageBand().from(), r.anonymous().ageBand().to()));
        } else {
            if (r.citizen() == null) {
                throw new BadInput("citizen", "name the citizen (CPR number), or make the application anonymous", RuleId.CPR_VALID.id());
            }
            Cpr cpr = BadInput.cpr(r.citizen().cpr(), "citizen.cpr");
            citizenId = pseudonyms.of(cpr);
            citizen = new CitizenIdentity(cpr, r.citizen().name());
        }
        ApplicationId id = ApplicationId.random();
        ApplicationSource source = r.source() == null ? new ApplicationSource(ApplicationSource.Channel.CITIZEN, null) : r.source();
        commands.send(new ReceiveApplication(id, citizenId, citizen,
                MunicipalityId.of(r.municipality()), r.paragraph(), r.services(), source, r.acute(),
                commands.happenedOn(r.receivedOn(), "receivedOn"), r.team(), r.facts(), anonymous), actor);
        return ResponseEntity.created(URI.create("/cases/" + id)).body(new Created(id.value()));
    }

    public record CaseworkerRequest(@Size(max = 128) String team, @NotNull @Size(max = 128) String caseworker) {
    }

    @PostMapping("/{id}/caseworker")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void assign(@PathVariable String id, @Valid @RequestBody CaseworkerRequest r, Actor actor) {
        commands.send(new AssignCaseworker(ApplicationId.of(id), r.team(), r.caseworker(), null), actor);
    }

    public record ReferralRequest(@NotNull @Size(max = 256) String referredTo, @NotNull String reason, List<RuleId> ruleIds,
                                  LocalDate referredOn, DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen,
                                  HearingId hearingId) {
    }

    /**
     * Sending the applicant on elsewhere: a refusal of every requested service, with reasons,
     * complaint guidance and a complaint window on each rejected grant line.
     */
    @PostMapping("/{id}/referral")
    public ResponseEntity<DecisionCreated> refer(@PathVariable String id, @Valid @RequestBody ReferralRequest r, Actor actor) {
        DecisionId decisionId = DecisionId.random();
        List<ServiceLine> lines = commands.send(new ReferElsewhere(ApplicationId.of(id), decisionId, r.referredTo(), r.reason(),
                r.ruleIds(), commands.happenedOn(r.referredOn(), "referredOn"), r.content(), commands.delivery(r.delivery()),
                r.factsNotSeenByCitizen(), r.hearingId(), null), actor);
        return ResponseEntity.created(URI.create("/cases/" + id)).body(new DecisionCreated(decisionId.value(),
                lines.stream().map(l -> new GrantLine(l.serviceCode(), l.grantId().value(), Outcome.REJECTED)).toList()));
    }

    public record WithdrawalRequest(LocalDate withdrawnOn, StatementForm form, @Size(max = 2000) String note) {
    }

    /** The citizen withdraws the application: it closes without a decision. */
    @PostMapping("/{id}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r, Actor actor) {
        commands.send(new WithdrawApplication(ApplicationId.of(id), commands.happenedOn(r.withdrawnOn(), "withdrawnOn"), r.form(),
                r.note()), actor);
    }

    public record AcuteSupportRequest(LocalDate startedOn, @NotNull String description) {
    }

    @PostMapping("/{id}/acute-support")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void acute(@PathVariable String id, @Valid @RequestBody AcuteSupportRequest r, Actor actor) {
        commands.send(new StartAcuteSupport(ApplicationId.of(id), commands.happenedOn(r.startedOn(), "startedOn"),
                r.description()), actor);
    }

    public record StartAssessmentRequest(LocalDate startedOn) {
    }

    @PostMapping("/{id}/assessments")
    @ApiResponse(responseCode = "201", description = "the assessment is started", useReturnTypeSchema = true)
    public ResponseEntity<Created> startAssessment(@PathVariable String id, @RequestBody(required = false) StartAssessmentRequest r,
                                                   Actor actor) {
        ApplicationId applicationId = ApplicationId.of(id);
        // The municipality from the application's opening event, not from the case view, which may not show it yet.
        var owner = owners.of(applicationId.value()).filter(o -> o.caseId().equals(applicationId.value()))
                .orElseThrow(() -> new AggregateNotFoundException(id, "no application " + id));
        AssessmentId assessmentId = AssessmentId.random();
        commands.send(new StartAssessment(assessmentId, applicationId, MunicipalityId.of(owner.municipality()),
                commands.happenedOn(r == null ? null : r.startedOn(), "startedOn")), actor);
        return ResponseEntity.created(URI.create("/assessments/" + assessmentId)).body(new Created(assessmentId.value()));
    }

    public record OutcomeInput(@NotNull String serviceCode, @NotNull Outcome outcome, GrantTerms terms, String reason,
                               List<RuleId> ruleIds) {
    }

    public record DecisionRequest(LocalDate decidedOn, @NotEmpty List<@Valid OutcomeInput> outcomes, Set<Fact> facts,
                                  DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen,
                                  HearingId hearingId) {
    }

    public record DecisionCreated(String decisionId, List<GrantLine> grants) {
    }

    public record GrantLine(String serviceCode, String grantId, Outcome outcome) {
    }

    /**
     * The decision. What the citizen's other grants mean for it (EXCL-*, earlier § 85 support) is
     * for the application to find out from the command side, not for the API to read from a view.
     */
    @PostMapping("/{id}/decision")
    @ApiResponse(responseCode = "201", description = "the decision is recorded, one grant line per outcome", useReturnTypeSchema = true)
    public ResponseEntity<DecisionCreated> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest r, Actor actor) {
        ApplicationId applicationId = ApplicationId.of(id);
        DecisionId decisionId = DecisionId.random();
        List<OutcomeRequest> outcomes = new ArrayList<>();
        List<GrantLine> lines = new ArrayList<>();
        for (OutcomeInput o : r.outcomes()) {
            GrantId grantId = GrantId.random();
            outcomes.add(new OutcomeRequest(o.serviceCode(), grantId, o.outcome(), o.terms(), o.reason(), o.ruleIds()));
            lines.add(new GrantLine(o.serviceCode(), grantId.value(), o.outcome()));
        }
        LocalDate decidedOn = commands.happenedOn(r.decidedOn(), "decidedOn");
        commands.send(new DecideApplication(applicationId, decisionId, decidedOn, outcomes,
                r.facts() == null ? Set.of() : r.facts(), r.content(), commands.delivery(r.delivery()), r.factsNotSeenByCitizen(), r.hearingId(),
                null), actor);
        return ResponseEntity.created(URI.create("/cases/" + id)).body(new DecisionCreated(decisionId.value(), lines));
    }

    public record DelayLetterRequest(LocalDate informedOn, @NotNull LocalDate expectedDecisionBy, @NotNull String reason) {
    }

    @PostMapping("/{id}/delay-letter")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delayLetter(@PathVariable String id, @Valid @RequestBody DelayLetterRequest r, Actor actor) {
        commands.send(new InformCitizenOfDelay(ApplicationId.of(id), commands.happenedOn(r.informedOn(), "informedOn"),
                r.expectedDecisionBy(), r.reason()), actor);
    }

    /** HEARING: the citizen is heard on facts not yet seen before a decision against the citizen. */
    @PostMapping("/{id}/hearings")
    @ApiResponse(responseCode = "201", description = "the hearing is recorded", useReturnTypeSchema = true)
    public ResponseEntity<Created> hear(@PathVariable String id, @Valid @RequestBody HearingRequests.Hearing r, Actor actor) {
        HearingId hearingId = HearingId.random();
        commands.send(new HearCitizen(ApplicationId.of(id), hearingId, commands.happenedOn(r.sentOn(), "sentOn"), r.answerBy(),
                r.facts(), commands.delivery(r.delivery())), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(hearingId.value()));
    }

    @PostMapping("/{id}/hearings/{hearingId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void hearingAnswer(@PathVariable String id, @PathVariable String hearingId, @Valid @RequestBody HearingRequests.Answer r,
                              Actor actor) {
        commands.send(new RecordHearingAnswer(ApplicationId.of(id), HearingId.of(hearingId), commands.happenedOn(r.answeredOn(), "answeredOn"),
                r.answer()), actor);
    }
}
