package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.DecideApplication;
import dk.grantlifecycle.domain.application.ApplicationCommands.OutcomeRequest;
import dk.grantlifecycle.domain.followup.Cadence;
import dk.grantlifecycle.domain.grant.GrantTerms;
import dk.grantlifecycle.domain.grant.ServiceDecision;
import dk.grantlifecycle.domain.grant.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.grant.TermsCheck;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.EligibilityCheck;
import dk.grantlifecycle.domain.rules.Fact;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules.ServiceRule;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges each requested service of a decision by the rules in force on the decision date and
 * builds the outcomes as recorded (SEL85-PARTIAL: one outcome per requested service).
 */
final class DecisionMaker {

    private final RulesInForce in;
    private final DecideApplication command;
    private final EligibilityCheck.Subject subject;
    private final LegalCalendar calendar;

    DecisionMaker(RulesInForce in, DecideApplication command, LocalDate birthDate, Map<String, VumLevel> scores,
                  Set<Fact> receiptFacts, LegalCalendar calendar) {
        this.in = in;
        this.command = command;
        this.calendar = calendar;
        Set<Fact> facts = new HashSet<>(receiptFacts);
        if (command.facts() != null) {
            facts.addAll(command.facts());
        }
        this.subject = new EligibilityCheck.Subject(birthDate, scores == null ? Map.of() : scores, Set.copyOf(facts),
                command.activeParagraphs() == null ? Set.of() : Set.copyOf(command.activeParagraphs()));
    }

    Set<Fact> facts() {
        return subject.facts();
    }

    List<ServiceDecision> outcomes(List<RequestedService> requested) {
        List<OutcomeRequest> given = command.outcomes() == null ? List.of() : command.outcomes();
        assertOneOutcomePerService(requested, given);
        Set<String> grantedCodes = new HashSet<>();
        given.stream().filter(o -> o.outcome() == ServiceDecision.Outcome.GRANTED).forEach(o -> grantedCodes.add(o.serviceCode()));
        List<ServiceDecision> outcomes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            OutcomeRequest o = given.get(i);
            RequestedService service = requested.stream().filter(r -> r.code().equals(o.serviceCode())).findFirst().orElseThrow();
            String field = "outcomes[" + i + "]";
            outcomes.add(o.outcome() == ServiceDecision.Outcome.GRANTED
                    ? grant(o, service, field, grantedCodes)
                    : reject(o, service, field));
        }
        return List.copyOf(outcomes);
    }

    private ServiceDecision grant(OutcomeRequest o, RequestedService service, String field, Set<String> grantedCodes) {
        EligibilityCheck check = new EligibilityCheck(in, command.decidedOn(), subject, calendar);
        check.targetGroup(field);
        GrantTerms given = o.terms();
        ServiceRule catalogued = check.service(service.code(), service.themesOrEmpty(),
                given == null ? null : given.frequency(), given == null ? null : given.hoursInPeriod(), field);
        GrantTerms terms = TermsCheck.check(in, given, field);
        boolean firstGrant = in.paragraph() != Paragraph.SEL85 || !subject.facts().contains(Fact.EARLIER_SEL85_SUPPORT);
        List<Cadence> cadences = Cadences.forGrant(in, catalogued, firstGrant, command.decidedOn(), subject.birthDate(), calendar);
        LinkedHashSet<String> ruleIds = new LinkedHashSet<>(check.appliedRules());
        cadences.forEach(c -> ruleIds.add(c.rule()));
        if (o.ruleIds() != null) {
            ruleIds.addAll(o.ruleIds());
        }
        List<String> conditions = new ArrayList<>();
        String plannedWith = null;
        String name = service.description();
        if (catalogued != null) {
            name = catalogued.name();
            if (catalogued.never() != null) {
                catalogued.never().forEach(n -> conditions.add("never: " + n));
            }
            if (catalogued.ifUntrainable() != null) {
                conditions.add("if untrainable: " + catalogued.ifUntrainable());
            }
            if (Boolean.FALSE.equals(catalogued.abroad())) {
                conditions.add("never: abroad");
            }
            if (catalogued.plannedWith() != null && grantedCodes.contains(catalogued.plannedWith())) {
                plannedWith = catalogued.plannedWith();
            }
        }
        return new ServiceDecision(o.grantId(), in.paragraph(), service.code(), name, ServiceDecision.Outcome.GRANTED,
                terms, List.copyOf(ruleIds), o.reason(), List.of(), cadences, firstGrant, actionPlanDuty(),
                in.rules().repeatedCancellations(), List.copyOf(conditions), plannedWith, in.rules().hours());
    }

    private ServiceDecision reject(OutcomeRequest o, RequestedService service, String field) {
        RuleViolation.require(o.reason() != null && !o.reason().isBlank(), "DECISION-CONTENT", field + ".reason",
                "a rejection states its reason");
        List<String> ruleIds = o.ruleIds() == null ? List.of() : List.copyOf(o.ruleIds());
        List<String> referral = List.of();
        var levels = in.rules().eligibilityOrNone().levels();
        if (levels != null && ruleIds.contains(levels.rule())) {
            referral = levels.referral() != null ? levels.referral()
                    : in.general().openOffers() == null ? List.of() : in.general().openOffers();
        }
        return new ServiceDecision(o.grantId(), in.paragraph(), service.code(), service.description(),
                ServiceDecision.Outcome.REJECTED, null, ruleIds, o.reason(), referral, List.of(), false,
                ActionPlanDuty.NOT_REQUIRED, null, List.of(), null, null);
    }

    /** ACTION-PLAN: offered at substantially reduced functioning; considered for others under pension age. */
    private ActionPlanDuty actionPlanDuty() {
        Integer from = in.general().actionPlanOfferFromLevel();
        boolean substantial = from != null && subject.scores().values().stream().anyMatch(l -> l.assessed() && l.level() >= from);
        if (substantial) {
            return ActionPlanDuty.MUST_OFFER;
        }
        boolean underPension = subject.birthDate() == null || command.decidedOn().isBefore(
                calendar.plus(subject.birthDate(), in.general().statePensionAge(subject.birthDate())));
        return underPension ? ActionPlanDuty.CONSIDER : ActionPlanDuty.NOT_REQUIRED;
    }

    private static void assertOneOutcomePerService(List<RequestedService> requested, List<OutcomeRequest> given) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            OutcomeRequest o = given.get(i);
            String field = "outcomes[" + i + "]";
            RuleViolation.require(o.serviceCode() != null && requested.stream().anyMatch(r -> r.code().equals(o.serviceCode())),
                    "SEL85-PARTIAL", field + ".serviceCode", "'" + o.serviceCode() + "' was not asked for in this application");
            RuleViolation.require(seen.add(o.serviceCode()), "SEL85-PARTIAL", field + ".serviceCode",
                    "'" + o.serviceCode() + "' has more than one outcome");
            RuleViolation.require(o.outcome() != null, "SEL85-PARTIAL", field + ".outcome", "GRANTED or REJECTED");
            RuleViolation.require(o.grantId() != null, "SEL85-PARTIAL", field + ".grantId", "is required");
        }
        for (RequestedService r : requested) {
            RuleViolation.require(seen.contains(r.code()), "SEL85-PARTIAL", "outcomes",
                    "every requested service gets its own outcome; missing: " + r.code());
        }
    }
}
