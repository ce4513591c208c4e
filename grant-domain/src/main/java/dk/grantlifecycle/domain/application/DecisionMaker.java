package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.application.ApplicationCommands.DecideApplication;
import dk.grantlifecycle.domain.application.ApplicationCommands.OutcomeRequest;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.HourScheme;
import dk.grantlifecycle.domain.decision.ServiceDecision.ActionPlanDuty;
import dk.grantlifecycle.domain.decision.ServiceDecision.Grounds;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.ServiceDecision.Plan;
import dk.grantlifecycle.domain.decision.ServiceDecision.Service;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.rules.Cadences;
import dk.grantlifecycle.domain.rules.EligibilityCheck;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.rules.ParagraphRules.ServiceRule;
import dk.grantlifecycle.domain.rules.ParagraphRules;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.rules.TermsCheck;
import dk.grantlifecycle.domain.shared.BirthDates;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
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

    DecisionMaker(RulesInForce in, DecideApplication command, BirthDates born, Map<String, VumLevel> scores,
                  Set<Fact> facts, Set<Paragraph> activeParagraphs, LegalCalendar calendar) {
        this.in = in;
        this.command = command;
        this.calendar = calendar;
        this.subject = new EligibilityCheck.Subject(born, scores == null ? Map.of() : scores, Set.copyOf(facts),
                Set.copyOf(activeParagraphs));
    }

    Set<Fact> facts() {
        return subject.facts();
    }

    List<ServiceDecision> outcomes(List<RequestedService> requested) {
        List<OutcomeRequest> given = command.outcomes() == null ? List.of() : command.outcomes();
        assertOneOutcomePerService(requested, given);
        Set<String> grantedCodes = new HashSet<>();
        given.stream().filter(o -> o.outcome() == Outcome.GRANTED).forEach(o -> grantedCodes.add(o.serviceCode()));
        List<ServiceDecision> outcomes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            OutcomeRequest o = given.get(i);
            RequestedService service = requested.stream().filter(r -> r.code().equals(o.serviceCode())).findFirst().orElseThrow();
            String field = "outcomes[" + i + "]";
            outcomes.add(o.outcome() == Outcome.GRANTED
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
        if (catalogued != null && Boolean.TRUE.equals(catalogued.limitedPeriod())) {
            RuleViolation.require(terms != null && terms.validUntil() != null, catalogued.rule(), field + ".terms.validUntil",
                    catalogued.name() + " is given for a limited period: give its last day");
        }
        Fact earlier = in.rules().earlierSupportFact();
        boolean firstGrant = earlier == null || !subject.facts().contains(earlier);
        List<Cadence> cadences = Cadences.forGrant(in, catalogued, firstGrant, command.decidedOn(),
                subject.born() == null ? null : subject.born().earliest(), calendar);
        LinkedHashSet<RuleId> ruleIds = new LinkedHashSet<>(check.appliedRules());
        cadences.forEach(c -> ruleIds.add(c.rule()));
        if (o.ruleIds() != null) {
            ruleIds.addAll(o.ruleIds());
        }
        List<String> findings = new ArrayList<>(findings(catalogued));
        noMunicipalStandard().ifPresent(rule -> {
            ruleIds.add(rule);
            findings.add(noMunicipalStandardFinding(rule));
        });
        return new ServiceDecision(o.grantId(), in.paragraph(), service(service, catalogued, grantedCodes), Outcome.GRANTED,
                terms, new Grounds(List.copyOf(ruleIds), o.reason(), List.of(), List.copyOf(findings)),
                new Plan(actionPlanDuty(), firstGrant, cadences, in.rules().repeatedCancellations()), hourScheme());
    }

    private static Service service(RequestedService requested, ServiceRule catalogued, Set<String> grantedCodes) {
        if (catalogued == null) {
            return Service.named(requested.code(), requested.description());
        }
        List<String> conditions = new ArrayList<>();
        if (catalogued.never() != null) {
            catalogued.never().forEach(n -> conditions.add("never: " + n));
        }
        if (catalogued.ifUntrainable() != null) {
            conditions.add("if untrainable: " + catalogued.ifUntrainable());
        }
        if (Boolean.FALSE.equals(catalogued.abroad())) {
            conditions.add("never: abroad");
        }
        String plannedWith = catalogued.plannedWith() != null && grantedCodes.contains(catalogued.plannedWith())
                ? catalogued.plannedWith() : null;
        return new Service(requested.code(), catalogued.name(), List.copyOf(conditions), plannedWith);
    }

    private HourScheme hourScheme() {
        ParagraphRules.Hours h = in.rules().hours();
        return h == null ? null : new HourScheme(h.perMonth(), h.individuallyAssessed(), h.saveCap(), h.expiresAfter(),
                h.saveable(), h.movable());
    }

    private ServiceDecision reject(OutcomeRequest o, RequestedService service, String field) {
        RuleViolation.require(o.reason() != null && !o.reason().isBlank(), RuleId.DECISION_CONTENT, field + ".reason",
                "a rejection states its reason");
        List<RuleId> ruleIds = o.ruleIds() == null ? List.of() : List.copyOf(o.ruleIds());
        List<String> referral = List.of();
        var levels = in.rules().eligibilityOrNone().levels();
        RuleId levelRule = levels != null ? levels.rule() : in.rules().levelsByMunicipality();
        if (levelRule != null && ruleIds.contains(levelRule)) {
            referral = levels != null && levels.referral() != null ? levels.referral()
                    : in.general().openOffers() == null ? List.of() : in.general().openOffers();
        }
        List<String> findings = new ArrayList<>(findings(catalogued(service.code())));
        noMunicipalStandard().ifPresent(rule -> findings.add(noMunicipalStandardFinding(rule)));
        return new ServiceDecision(o.grantId(), in.paragraph(), Service.named(service.code(), service.description()),
                Outcome.REJECTED, null, new Grounds(ruleIds, o.reason(), referral, List.copyOf(findings)), Plan.NONE,
                null);
    }

    /**
     * The rule whose VUM levels the municipality should set but does not: the law leaves the levels
     * to each municipality (SEL85-TARGET, SEL103-TARGET, SEL104-TARGET), and a municipality whose
     * document sets none (and has no catalogue with criteria) is not judged by another's levels.
     */
    private java.util.Optional<RuleId> noMunicipalStandard() {
        boolean ownLevels = in.rules().eligibilityOrNone().levels() != null
                || in.rules().services() != null && !in.rules().services().isEmpty();
        return ownLevels ? java.util.Optional.empty() : java.util.Optional.ofNullable(in.rules().levelsByMunicipality());
    }

    private String noMunicipalStandardFinding(RuleId rule) {
        return "NO MUNICIPAL STANDARD " + rule.id() + ": " + in.version().municipality() + " sets no VUM levels for "
                + in.paragraph().label() + " (rule set " + in.version() + "); the law's target group was judged on the"
                + " caseworker's individual assessment, not on another municipality's levels";
    }

    private ServiceRule catalogued(String code) {
        return in.rules().services() == null ? null : in.rules().services().get(code);
    }

    /** The rule files' flag on a catalogue service (e.g. GLX-RETAIN's levels), carried into the decision's grounds. */
    private static List<String> findings(ServiceRule catalogued) {
        return catalogued == null || catalogued.dataFlag() == null ? List.of()
                : List.of("FLAG " + catalogued.rule().id() + ": " + catalogued.dataFlag());
    }

    /**
     * A referral elsewhere refuses every requested service; each outcome points the citizen to where
     * they are referred. Grant lines are named after the decision: {@code <decision>-1}, {@code -2}, ...
     */
    static List<ServiceDecision> referral(RulesInForce in, List<RequestedService> requested, DecisionId decision, String reason,
                                          List<RuleId> ruleIds, String referredTo) {
        RuleViolation.require(reason != null && !reason.isBlank(), RuleId.DECISION_CONTENT, "reason",
                "a referral states its reason");
        List<ServiceDecision> outcomes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RequestedService service = requested.get(i);
            outcomes.add(new ServiceDecision(GrantId.of(decision.value() + "-" + (i + 1)), in.paragraph(),
                    Service.named(service.code(), service.description()), Outcome.REJECTED, null,
                    new Grounds(ruleIds == null ? List.of() : List.copyOf(ruleIds), reason, List.of(referredTo), List.of()), Plan.NONE,
                    null));
        }
        return List.copyOf(outcomes);
    }

    /**
     * ACTION-PLAN: offered with every grant where the paragraph's rules say so (§ 85 by law, Lejre's
     * § 85a); otherwise from the level the rules give (the paragraph's own, else the general
     * default); considered for others under pension age.
     */
    private ActionPlanDuty actionPlanDuty() {
        ParagraphRules.ActionPlanRule own = in.rules().actionPlan();
        if (own != null && own.offer() == ParagraphRules.ActionPlanRule.Offer.EVERY_GRANT) {
            return ActionPlanDuty.MUST_OFFER;
        }
        Integer from = own != null && own.fromLevel() != null ? own.fromLevel() : in.general().actionPlanOfferFromLevel();
        boolean substantial = from != null && subject.scores().values().stream().anyMatch(l -> l.assessed() && l.level() >= from);
        if (substantial) {
            return ActionPlanDuty.MUST_OFFER;
        }
        // With a stated age band the youngest age it allows decides: the duty to consider is kept when in doubt.
        LocalDate youngest = subject.born() == null ? null : subject.born().latest();
        boolean underPension = youngest == null || command.decidedOn().isBefore(
                calendar.plus(youngest, in.general().statePensionAge(youngest)));
        return underPension ? ActionPlanDuty.CONSIDER : ActionPlanDuty.NOT_REQUIRED;
    }

    private static void assertOneOutcomePerService(List<RequestedService> requested, List<OutcomeRequest> given) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            OutcomeRequest o = given.get(i);
            String field = "outcomes[" + i + "]";
            RuleViolation.require(o != null, RuleId.SEL85_PARTIAL, field, "an outcome is required for each listed service");
            RuleViolation.require(o.serviceCode() != null && requested.stream().anyMatch(r -> r.code().equals(o.serviceCode())),
                    RuleId.SEL85_PARTIAL, field + ".serviceCode", "'" + o.serviceCode() + "' was not asked for in this application");
            RuleViolation.require(seen.add(o.serviceCode()), RuleId.SEL85_PARTIAL, field + ".serviceCode",
                    "'" + o.serviceCode() + "' has more than one outcome");
            RuleViolation.require(o.outcome() != null, RuleId.SEL85_PARTIAL, field + ".outcome", "GRANTED or REJECTED");
            RuleViolation.require(o.grantId() != null, RuleId.SEL85_PARTIAL, field + ".grantId", "is required");
        }
        for (RequestedService r : requested) {
            RuleViolation.require(seen.contains(r.code()), RuleId.SEL85_PARTIAL, "outcomes",
                    "every requested service gets its own outcome; missing: " + r.code());
        }
    }
}
