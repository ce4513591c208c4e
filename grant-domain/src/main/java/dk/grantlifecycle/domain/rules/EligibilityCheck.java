package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.rules.ParagraphRules.Criterion;
import dk.grantlifecycle.domain.rules.ParagraphRules.FactCheck;
import dk.grantlifecycle.domain.rules.ParagraphRules.LevelCheck;
import dk.grantlifecycle.domain.rules.ParagraphRules.Match;
import dk.grantlifecycle.domain.rules.ParagraphRules.ServiceRule;
import dk.grantlifecycle.domain.shared.BirthDates;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a citizen may be granted a service under the rules in force: age (ELIG-ADULT), state
 * pension age (from the CPR number's birth date, or every birth date a stated age band allows: ANONYMOUS), required and excluding facts, services that exclude each other (EXCL-*), VUM
 * levels (SEL85-TARGET, SEL103-TARGET, SEL104-TARGET) and catalogue criteria (GLX-*). Each check
 * takes its numbers and rule IDs from the rule set; a failed check throws a {@link RuleViolation}
 * naming the rule and the field.
 */
public final class EligibilityCheck {

    /** What is known about the citizen on the decision date. */
    public record Subject(BirthDates born, Map<String, VumLevel> scores, Set<Fact> facts,
                          Set<Paragraph> activeParagraphs) {
    }

    private final RulesInForce in;
    private final LocalDate on;
    private final Subject subject;
    private final LegalCalendar calendar;
    private final java.util.LinkedHashSet<RuleId> applied = new java.util.LinkedHashSet<>();

    public EligibilityCheck(RulesInForce in, LocalDate on, Subject subject, LegalCalendar calendar) {
        this.in = in;
        this.on = on;
        this.subject = subject;
        this.calendar = calendar;
    }

    /** The paragraph's target group: age, pension age, facts and exclusions. */
    public void targetGroup(String field) {
        General general = in.general();
        BirthDates born = subject.born();
        RuleViolation.require(born != null, RuleId.ELIG_ADULT, field,
                "the citizen's age is not known: no CPR number or stated age band, or the personal data is erased");
        applied.add(RuleId.ELIG_ADULT);
        boolean youngestAdult = Period.between(born.latest(), on).getYears() >= general.adultAge();
        boolean oldestAdult = Period.between(born.earliest(), on).getYears() >= general.adultAge();
        RuleViolation.require(youngestAdult, RuleId.ELIG_ADULT, field, oldestAdult
                ? "the stated age band allows ages on both sides of " + general.adultAge() + "; state a narrower band (ANONYMOUS)"
                : in.paragraph().label() + " is for citizens aged " + general.adultAge() + " or more on the decision date");
        RuleId pensionRule = in.rules().eligibilityOrNone().underStatePensionAge();
        if (pensionRule != null) {
            applied.add(pensionRule);
            boolean oldestUnder = on.isBefore(pensionDate(born.earliest(), general));
            boolean youngestUnder = on.isBefore(pensionDate(born.latest(), general));
            RuleViolation.require(oldestUnder, pensionRule, field, youngestUnder
                    ? "the stated age band allows ages on both sides of state pension age; state a narrower band (ANONYMOUS)"
                    : in.paragraph().label() + " is granted only under state pension age");
        }
        facts(in.rules().eligibilityOrNone().requiredFactsOrEmpty(), in.rules().eligibilityOrNone().excludingFactsOrEmpty(),
                field);
        if (general.exclusions() != null) {
            for (General.Exclusion e : general.exclusions()) {
                boolean holds = e.holding().stream().anyMatch(subject.activeParagraphs()::contains);
                if (e.excludes() == in.paragraph()) {
                    applied.add(e.rule());
                }
                RuleViolation.require(!(e.excludes() == in.paragraph() && holds), e.rule(), field,
                        "a citizen with " + e.holding().stream().map(Paragraph::label).toList() + " cannot also get "
                                + e.excludes().label() + ": " + e.reason());
            }
        }
    }

    /**
     * The service asked for: the paragraph's level check on the service's themes, and, where the
     * municipality has a catalogue, the service's own criteria. Returns the catalogue entry, if any.
     */
    public ServiceRule service(String code, List<String> themes, Period frequency, BigDecimal hoursInPeriod,
                               String field) {
        ServiceRule catalogued = null;
        Map<String, ServiceRule> catalogue = in.rules().services();
        if (catalogue != null && !catalogue.isEmpty()) {
            catalogued = catalogue.get(code);
            RuleViolation.require(catalogued != null, RuleId.SEL85_TARGET, field + ".serviceCode",
                    "'" + code + "' is not in the municipality's catalogue: " + catalogue.keySet());
        }
        List<String> levelThemes = themes != null && !themes.isEmpty() ? themes
                : catalogued == null ? List.of() : catalogued.criteriaOrEmpty().stream()
                .filter(c -> c.onlyWhen() == null).flatMap(c -> c.themes().stream()).distinct().toList();
        LevelCheck levels = in.rules().eligibilityOrNone().levels();
        if (levels != null) {
            applied.add(levels.rule());
            RuleViolation.require(!levelThemes.isEmpty(), RuleId.VUM_THEMES, field + ".themes",
                    "name the VUM theme(s) the support is asked for");
            RuleViolation.require(meets(levelThemes, levels.match(), levels.min(), levels.max(), null, null), levels.rule(),
                    field, in.paragraph().label() + " needs level " + levels.min() + "-" + levels.max() + " on "
                            + levelThemes + "; the assessment shows " + levelsOn(levelThemes));
        }
        if (catalogued != null) {
            catalogue(catalogued, code, frequency, hoursInPeriod, field);
        }
        return catalogued;
    }

    /** State pension age is reached later by those born later, so checking both ends of a range settles it. */
    private LocalDate pensionDate(LocalDate birthDate, General general) {
        return calendar.plus(birthDate, general.statePensionAge(birthDate));
    }

    /** The rule IDs the checks so far have applied, in order. */
    public List<RuleId> appliedRules() {
        return List.copyOf(applied);
    }

    private void catalogue(ServiceRule s, String code, Period frequency, BigDecimal hoursInPeriod, String field) {
        RuleId rule = s.rule();
        applied.add(rule);
        for (Criterion c : s.criteriaOrEmpty()) {
            if (c.onlyWhen() != null && !subject.facts().contains(c.onlyWhen())) {
                continue;
            }
            String range = c.levels() != null ? "one of " + c.levels() : c.min() + "-" + c.max();
            RuleViolation.require(meets(c.themes(), c.match(), c.min(), c.max(), c.levels(), c.notAssessed()), rule, field,
                    s.name() + " needs level " + range + " on " + c.themes() + " (" + match(c.match()) + "); the assessment shows "
                            + levelsOn(c.themes()) + (s.dataFlag() == null ? "" : ". Note from the rule files: " + s.dataFlag()));
        }
        facts(s.requiredFactsOrEmpty(), List.of(), field);
        if (frequency != null && s.frequencies() != null) {
            RuleViolation.require(s.frequencies().contains(frequency), rule, field + ".terms.frequency",
                    s.name() + " is given at one of the intervals " + s.frequencies());
        }
        if (s.hours() != null) {
            RuleViolation.require(hoursInPeriod != null
                            && hoursInPeriod.compareTo(BigDecimal.valueOf(s.hours().min())) >= 0
                            && hoursInPeriod.compareTo(BigDecimal.valueOf(s.hours().max())) <= 0,
                    rule, field + ".terms.hoursInPeriod",
                    s.name() + " is " + s.hours().min() + "-" + s.hours().max() + " hours over " + s.hours().over());
        }
    }

    private void facts(List<FactCheck> required, List<FactCheck> excluding, String field) {
        for (FactCheck f : required) {
            boolean applies = f.when() == null || subject.facts().contains(f.when());
            if (applies) {
                applied.add(f.rule());
            }
            RuleViolation.require(!applies || subject.facts().contains(f.fact()), f.rule(), field + ".facts",
                    "requires the finding " + f.fact() + (f.when() == null ? "" : " when " + f.when()));
        }
        for (FactCheck f : excluding) {
            applied.add(f.rule());
            RuleViolation.require(!subject.facts().contains(f.fact()), f.rule(), field + ".facts",
                    "is ruled out by the finding " + f.fact());
        }
    }

    private boolean meets(List<String> themes, Match match, Integer min, Integer max, List<Integer> levels,
                          ParagraphRules.NotAssessed notAssessed) {
        long within = themes.stream().filter(t -> {
            VumLevel l = subject.scores().getOrDefault(t, VumLevel.NOT_ASSESSED);
            return l.assessed() && (levels != null ? levels.contains(l.level()) : l.within(min, max));
        }).count();
        return switch (match == null ? Match.ANY : match) {
            case ANY -> within >= 1;
            case ALL -> within == themes.size();
            case MOST -> {
                long counted = notAssessed == ParagraphRules.NotAssessed.NOT_MET ? themes.size()
                        : themes.stream().filter(t -> subject.scores().getOrDefault(t, VumLevel.NOT_ASSESSED).assessed()).count();
                yield counted > 0 && within * 2 > counted;
            }
        };
    }

    private String levelsOn(List<String> themes) {
        StringBuilder b = new StringBuilder("{");
        for (String t : themes) {
            VumLevel l = subject.scores().getOrDefault(t, VumLevel.NOT_ASSESSED);
            b.append(b.length() > 1 ? ", " : "").append(t).append('=').append(l.assessed() ? String.valueOf(l.level()) : "not assessed");
        }
        return b.append('}').toString();
    }

    private static String match(Match m) {
        return switch (m == null ? Match.ANY : m) {
            case ANY -> "any of them";
            case ALL -> "all of them";
            case MOST -> "most of them";
        };
    }
}
