package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.citizen.CitizenPseudonyms;
import dk.grantlifecycle.domain.application.ApplicationCommands.*;
import dk.grantlifecycle.domain.application.ApplicationId;
import dk.grantlifecycle.domain.application.ApplicationSource;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.assessment.AssessmentCommands.StartAssessment;
import dk.grantlifecycle.domain.assessment.AssessmentId;
import dk.grantlifecycle.domain.grant.DecisionContent;
import dk.grantlifecycle.domain.grant.DecisionId;
import dk.grantlifecycle.domain.grant.Delivery;
import dk.grantlifecycle.domain.grant.GrantId;
import dk.grantlifecycle.domain.grant.GrantTerms;
import dk.grantlifecycle.domain.grant.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.rules.Fact;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.PersonalData;
import dk.grantlifecycle.projections.CaseQueries;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A caseworker's workflow from application to decision. */
@RestController
@RequestMapping("/applications")
public class ApplicationController {

    private final Commands commands;
    private final CitizenPseudonyms pseudonyms;
    private final CaseQueries queries;

    public ApplicationController(Commands commands, CitizenPseudonyms pseudonyms, CaseQueries queries) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
        this.queries = queries;
    }

    public record Citizen(@NotNull String cpr, @Size(max = 200) String name) {
        @Override
        public String toString() {
            return "Citizen[personal data]";
        }
    }

    public record ReceiveRequest(@NotNull @Valid @PersonalData Citizen citizen, @NotNull String municipality,
                                 @NotNull Paragraph paragraph, @NotEmpty @Size(max = 20) List<@Valid RequestedService> services,
                                 ApplicationSource source, boolean acute, LocalDate receivedOn, @Size(max = 128) String team,
                                 Set<Fact> facts) {
    }

    @PostMapping
    public ResponseEntity<Created> receive(@Valid @RequestBody ReceiveRequest r, Actor actor) {
        Cpr cpr = BadInput.cpr(r.citizen().cpr(), "citizen.cpr");
        CitizenId citizenId = pseudonyms.of(cpr);
        ApplicationId id = ApplicationId.random();
        ApplicationSource source = r.source() == null ? new ApplicationSource(ApplicationSource.Channel.CITIZEN, null) : r.source();
        commands.send(new ReceiveApplication(id, citizenId, new CitizenIdentity(cpr, r.citizen().name()),
                MunicipalityId.of(r.municipality()), r.paragraph(), r.services(), source, r.acute(),
                commands.happenedOn(r.receivedOn(), "receivedOn"), r.team(), r.facts()), actor);
        return ResponseEntity.created(URI.create("/cases/" + id)).body(new Created(id.value()));
    }

    public record CaseworkerRequest(@Size(max = 128) String team, @NotNull @Size(max = 128) String caseworker) {
    }

    @PostMapping("/{id}/caseworker")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void assign(@PathVariable String id, @Valid @RequestBody CaseworkerRequest r, Actor actor) {
        commands.send(new AssignCaseworker(ApplicationId.of(id), r.team(), r.caseworker(), null), actor);
    }

    public record ReferralRequest(@NotNull @Size(max = 256) String referredTo, @NotNull String reason, List<String> ruleIds,
                                  LocalDate referredOn) {
    }

    @PostMapping("/{id}/referral")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void refer(@PathVariable String id, @Valid @RequestBody ReferralRequest r, Actor actor) {
        commands.send(new ReferElsewhere(ApplicationId.of(id), r.referredTo(), r.reason(), r.ruleIds(),
                commands.happenedOn(r.referredOn(), "referredOn"), null), actor);
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
    public ResponseEntity<Created> startAssessment(@PathVariable String id, @RequestBody(required = false) StartAssessmentRequest r,
                                                   Actor actor) {
        ApplicationId applicationId = ApplicationId.of(id);
        var found = queries.caseById(applicationId.value()).orElseThrow(() -> new AggregateNotFoundException(id, "no application " + id));
        AssessmentId assessmentId = AssessmentId.random();
        commands.send(new StartAssessment(assessmentId, applicationId, MunicipalityId.of(found.municipality()),
                commands.happenedOn(r == null ? null : r.startedOn(), "startedOn")), actor);
        return ResponseEntity.created(URI.create("/assessments/" + assessmentId)).body(new Created(assessmentId.value()));
    }

    public record OutcomeInput(@NotNull String serviceCode, @NotNull Outcome outcome, GrantTerms terms, String reason,
                               List<String> ruleIds) {
    }

    public record DecisionRequest(LocalDate decidedOn, @NotEmpty List<@Valid OutcomeInput> outcomes, Set<Fact> facts,
                                  DecisionContent content, Delivery delivery, boolean factsNotSeenByCitizen) {
    }

    public record DecisionCreated(String decisionId, List<GrantLine> grants) {
    }

    public record GrantLine(String serviceCode, String grantId, Outcome outcome) {
    }

    /**
     * The decision. The API adds what the read models know about the citizen: paragraphs with a
     * running grant (EXCL-*) and earlier § 85 support (SEL85-REASSESS-12W, GLX-RETAIN).
     */
    @PostMapping("/{id}/decision")
    public ResponseEntity<DecisionCreated> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest r, Actor actor) {
        ApplicationId applicationId = ApplicationId.of(id);
        var found = queries.caseById(applicationId.value()).orElseThrow(() -> new AggregateNotFoundException(id, "no application " + id));
        CitizenId citizen = CitizenId.of(found.citizenId());
        Set<Fact> facts = EnumSet.noneOf(Fact.class);
        if (r.facts() != null) {
            facts.addAll(r.facts());
        }
        if (queries.hadGrantUnder(citizen, Paragraph.SEL85)) {
            facts.add(Fact.EARLIER_SEL85_SUPPORT);
        }
        DecisionId decisionId = DecisionId.random();
        List<OutcomeRequest> outcomes = new ArrayList<>();
        List<GrantLine> lines = new ArrayList<>();
        for (OutcomeInput o : r.outcomes()) {
            GrantId grantId = GrantId.random();
            outcomes.add(new OutcomeRequest(o.serviceCode(), grantId, o.outcome(), o.terms(), o.reason(), o.ruleIds()));
            lines.add(new GrantLine(o.serviceCode(), grantId.value(), o.outcome()));
        }
        LocalDate decidedOn = commands.happenedOn(r.decidedOn(), "decidedOn");
        commands.send(new DecideApplication(applicationId, decisionId, decidedOn, outcomes, facts,
                queries.activeParagraphsOf(citizen), r.content(), commands.delivery(r.delivery()), r.factsNotSeenByCitizen(),
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
    public ResponseEntity<Created> hear(@PathVariable String id, @Valid @RequestBody HearingRequests.Hearing r, Actor actor) {
        String hearingId = java.util.UUID.randomUUID().toString();
        commands.send(new HearCitizen(ApplicationId.of(id), hearingId, commands.happenedOn(r.sentOn(), "sentOn"), r.answerBy(),
                r.facts()), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(hearingId));
    }

    @PostMapping("/{id}/hearings/{hearingId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void hearingAnswer(@PathVariable String id, @PathVariable String hearingId, @Valid @RequestBody HearingRequests.Answer r,
                              Actor actor) {
        commands.send(new RecordHearingAnswer(ApplicationId.of(id), hearingId, commands.happenedOn(r.answeredOn(), "answeredOn"),
                r.answer()), actor);
    }

    public record RemittalRequest(LocalDate receivedOn, @Size(max = 128) String appealReference) {
    }

    @PostMapping("/{id}/remittal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remitted(@PathVariable String id, @Valid @RequestBody RemittalRequest r, Actor actor) {
        commands.send(new ReopenAfterRemittal(ApplicationId.of(id), commands.happenedOn(r.receivedOn(), "receivedOn"),
                r.appealReference()), actor);
    }
}
