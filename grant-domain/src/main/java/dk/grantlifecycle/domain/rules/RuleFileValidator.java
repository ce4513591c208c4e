package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.rules.InvalidRuleFiles.Problem;
import dk.grantlifecycle.domain.rules.ParagraphRules.Criterion;
import dk.grantlifecycle.domain.rules.ParagraphRules.FactCheck;
import dk.grantlifecycle.domain.rules.ParagraphRules.FollowUpRule;
import dk.grantlifecycle.domain.rules.ParagraphRules.LevelCheck;
import dk.grantlifecycle.domain.rules.ParagraphRules.ServiceRule;
import dk.grantlifecycle.domain.shared.RuleId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/** Checks the values of one parsed rule file; every problem names the file and the field. */
final class RuleFileValidator {

    private final String file;
    private final Set<String> knownThemes;
    private final List<Problem> problems;

    RuleFileValidator(String file, Set<String> knownThemes, List<Problem> problems) {
        this.file = file;
        this.knownThemes = knownThemes;
        this.problems = problems;
    }

    void validate(RuleFile f) {
        if (f.kind() == RuleFile.Kind.LAW) {
            General g = f.general();
            require(g != null, "general", "the law file must have a general section");
            if (g != null) {
                require(g.adultAge() != null, "general.adultAge", "is required in the law file");
                require(g.statePensionAge() != null && !g.statePensionAge().isEmpty(), "general.statePensionAge",
                        "is required in the law file");
                require(g.vumThemes() != null && !g.vumThemes().isEmpty(), "general.vumThemes",
                        "is required in the law file");
                require(g.complaintWindow() != null, "general.complaintWindow", "is required in the law file");
                require(g.reconsideration() != null, "general.reconsideration", "is required in the law file");
                require(g.paperPostReceivedAfterHverdage() != null, "general.paperPostReceivedAfterHverdage",
                        "is required in the law file");
                require(g.dstReportDueDay() != null, "general.dstReportDueDay", "is required in the law file");
                require(g.dstReportedParagraphs() != null, "general.dstReportedParagraphs", "is required in the law file");
            }
        } else {
            require(f.municipality() != null, "municipality", "is required in a municipality's file");
        }
        if (f.general() != null) {
            general(f.general());
        }
        if (f.paragraphs() != null) {
            f.paragraphs().forEach((p, r) -> paragraph("paragraphs." + p, r));
        }
    }

    private void general(General g) {
        assumptions("general.assumptions", g.assumptions());
        if (g.dstReportDueDay() != null) {
            require(g.dstReportDueDay() >= 1 && g.dstReportDueDay() <= 28, "general.dstReportDueDay", "must be 1-28");
        }
        if (g.adultAge() != null) {
            require(g.adultAge() >= 15 && g.adultAge() <= 21, "general.adultAge", "must be between 15 and 21");
        }
        if (g.statePensionAge() != null) {
            for (int i = 0; i < g.statePensionAge().size(); i++) {
                General.PensionAge a = g.statePensionAge().get(i);
                String at = "general.statePensionAge[" + i + "]";
                require(a.bornFrom() != null && a.bornTo() != null && !a.bornTo().isBefore(a.bornFrom()), at,
                        "needs bornFrom <= bornTo");
                require(a.years() >= 60 && a.years() <= 80 && a.months() >= 0 && a.months() < 12, at,
                        "years must be 60-80 and months 0-11");
            }
        }
        if (g.vumThemes() != null) {
            for (int i = 0; i < g.vumThemes().size(); i++) {
                General.Theme t = g.vumThemes().get(i);
                require(t.code() != null && t.code().matches("[A-Z_]+") && t.ffb() != null,
                        "general.vumThemes[" + i + "]", "needs an upper-case code and its FFB term");
            }
        }
        if (g.actionPlanOfferFromLevel() != null) {
            level("general.actionPlanOfferFromLevel", g.actionPlanOfferFromLevel());
        }
        positive("general.complaintWindow", g.complaintWindow());
        positive("general.reconsideration", g.reconsideration());
        positive("general.noticeReconsideration", g.noticeReconsideration());
        positive("general.appealDecisionExpected", g.appealDecisionExpected());
        positive("general.hearingAnswer", g.hearingAnswer());
        positive("general.hearingMinimum", g.hearingMinimum());
        positive("general.reductionNotice", g.reductionNotice());
        positive("general.caseRetention", g.caseRetention());
        require(g.paperPostReceivedAfterHverdage() == null || (g.paperPostReceivedAfterHverdage() >= 0
                && g.paperPostReceivedAfterHverdage() <= 30), "general.paperPostReceivedAfterHverdage", "must be 0-30");
        if (g.exclusions() != null) {
            for (int i = 0; i < g.exclusions().size(); i++) {
                General.Exclusion e = g.exclusions().get(i);
                String at = "general.exclusions[" + i + "]";
                rule(at + ".rule", e.rule());
                require(e.holding() != null && !e.holding().isEmpty() && e.excludes() != null, at,
                        "needs holding and excludes");
            }
        }
    }

    private void paragraph(String at, ParagraphRules r) {
        if (r == null) {
            problems.add(new Problem(file, at, "is empty"));
            return;
        }
        positive(at + ".caseProcessing", r.caseProcessing());
        positive(at + ".notice", r.notice());
        positive(at + ".noticeAsStatedInSource", r.noticeAsStatedInSource());
        positive(at + ".treatmentGuarantee", r.treatmentGuarantee());
        positive(at + ".endingReconsideration", r.endingReconsideration());
        require(r.shelterNotifyHverdage() == null || (r.shelterNotifyHverdage() > 0 && r.shelterNotifyHverdage() <= 30),
                at + ".shelterNotifyHverdage", "must be 1-30");
        require(r.shelterContactDays() == null || (r.shelterContactDays() > 0 && r.shelterContactDays() <= 30),
                at + ".shelterContactDays", "must be 1-30");
        if (r.actionPlan() != null) {
            require(r.actionPlan().offer() != null, at + ".actionPlan.offer", "EVERY_GRANT or FROM_LEVEL");
            require(r.actionPlan().offer() != ParagraphRules.ActionPlanRule.Offer.FROM_LEVEL || r.actionPlan().fromLevel() != null,
                    at + ".actionPlan.fromLevel", "is required with FROM_LEVEL");
            if (r.actionPlan().fromLevel() != null) {
                level(at + ".actionPlan.fromLevel", r.actionPlan().fromLevel());
            }
        }
        if (r.levelsByMunicipality() != null) {
            rule(at + ".levelsByMunicipality", r.levelsByMunicipality());
        }
        assumptions(at + ".assumptions", r.assumptions());
        if (r.eligibility() != null) {
            levels(at + ".eligibility.levels", r.eligibility().levels());
            if (r.eligibility().underStatePensionAge() != null) {
                rule(at + ".eligibility.underStatePensionAge", r.eligibility().underStatePensionAge());
            }
            facts(at + ".eligibility.requiredFacts", r.eligibility().requiredFactsOrEmpty());
            facts(at + ".eligibility.excludingFacts", r.eligibility().excludingFactsOrEmpty());
        }
        List<FollowUpRule> followUps = r.followUpsOrEmpty();
        for (int i = 0; i < followUps.size(); i++) {
            followUp(at + ".followUps[" + i + "]", followUps.get(i));
        }
        if (r.services() != null) {
            r.services().forEach((code, s) -> service(at + ".services." + code, code, s));
        }
        if (r.hours() != null) {
            require(r.hours().perMonth() == null || r.hours().perMonth() > 0, at + ".hours.perMonth", "must be positive");
            require(r.hours().saveCap() == null || r.hours().saveCap() >= 0, at + ".hours.saveCap", "must not be negative");
            positive(at + ".hours.expiresAfter", r.hours().expiresAfter());
        }
        if (r.companionExpenses() != null) {
            r.companionExpenses().forEach((year, amount) -> amount(at + ".companionExpenses." + year, amount));
        }
        if (r.placeSizes() != null) {
            r.placeSizes().forEach((size, days) -> require(days.min() >= 1 && days.max() <= 7 && days.min() <= days.max(),
                    at + ".placeSizes." + size, "days must be 1-7 with min <= max"));
        }
        if (r.wage() != null) {
            share(at + ".wage.minShareOfMinimumWage", r.wage().minShareOfMinimumWage());
            share(at + ".wage.transportMaxShareOfEarnings", r.wage().transportMaxShareOfEarnings());
            amount(at + ".wage.maxHourlyAsRule", r.wage().maxHourlyAsRule());
        }
        if (r.holidayDaysPerYear() != null) {
            require(r.holidayDaysPerYear() >= 0 && r.holidayDaysPerYear() <= 366, at + ".holidayDaysPerYear",
                    "must be 0-366");
        }
        if (r.ownPayment() != null && r.ownPayment().dailyRate() != null) {
            r.ownPayment().dailyRate().forEach((year, rate) -> amount(at + ".ownPayment.dailyRate." + year, rate));
        }
        if (r.repeatedCancellations() != null) {
            require(r.repeatedCancellations() >= 2, at + ".repeatedCancellations", "repeated means at least 2");
        }
        if (r.routing() != null) {
            rule(at + ".routing.rule", r.routing().rule());
            require(r.routing().underAge() > 0 && r.routing().unit() != null, at + ".routing",
                    "needs underAge and unit");
        }
    }

    /** A value no source gives names its field, says {@code source: assumption} and gives its reason. */
    private void assumptions(String at, List<ParagraphRules.Assumption> assumptions) {
        if (assumptions == null) {
            return;
        }
        for (int i = 0; i < assumptions.size(); i++) {
            ParagraphRules.Assumption a = assumptions.get(i);
            String here = at + "[" + i + "]";
            require(a != null && a.field() != null && !a.field().isBlank(), here + ".field", "names the assumed field");
            require(a != null && "assumption".equals(a.source()), here + ".source", "must be 'assumption'");
            require(a != null && a.reason() != null && !a.reason().isBlank(), here + ".reason", "says why the value was taken");
        }
    }

    private void followUp(String at, FollowUpRule f) {
        rule(at + ".rule", f.rule());
        require(f.kind() != null, at + ".kind", "is required");
        require(f.anchor() != null, at + ".anchor", "is required");
        if (f.anchor() == Cadence.Anchor.AGE) {
            require(f.atAge() != null && f.atAge() > 0 && f.atAge() < 120, at + ".atAge", "is required for anchor AGE");
        } else {
            require(f.first() != null, at + ".first", "is required");
        }
        require((f.anchor() == Cadence.Anchor.COMPLETION) == (f.after() != null), at + ".after",
                "names the follow-up kind whose completion starts the cadence, with anchor COMPLETION only");
        positive(at + ".first", f.first());
        positive(at + ".every", f.every());
        positive(at + ".windowOpens", f.windowOpens());
    }

    private void service(String at, String code, ServiceRule s) {
        require(code.matches("[A-Z][A-Z0-9-]+"), at, "a service code is upper case");
        rule(at + ".rule", s.rule());
        require(s.name() != null && !s.name().isBlank(), at + ".name", "is required");
        List<Criterion> criteria = s.criteriaOrEmpty();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String cat = at + ".criteria[" + i + "]";
            require(c.themes() != null && !c.themes().isEmpty(), cat + ".themes", "name at least one theme");
            if (c.themes() != null) {
                c.themes().forEach(t -> theme(cat + ".themes", t));
            }
            require((c.min() != null && c.max() != null) ^ (c.levels() != null),
                    cat, "give either min and max or a list of levels");
            require(c.match() != ParagraphRules.Match.MOST || c.notAssessed() != null, cat + ".notAssessed",
                    "say how a theme not assessed counts when most themes must meet the level (NOT_COUNTED or NOT_MET)");
            if (c.min() != null) {
                level(cat + ".min", c.min());
            }
            if (c.max() != null) {
                level(cat + ".max", c.max());
                require(c.min() == null || c.min() <= c.max(), cat, "min must not exceed max");
            }
            if (c.levels() != null) {
                c.levels().forEach(l -> level(cat + ".levels", l));
            }
        }
        if (s.frequencies() != null) {
            s.frequencies().forEach(p -> positive(at + ".frequencies", p));
        }
        if (s.hours() != null) {
            require(s.hours().min() > 0 && s.hours().min() <= s.hours().max(), at + ".hours", "needs 0 < min <= max");
        }
        facts(at + ".requiredFacts", s.requiredFactsOrEmpty());
    }

    private void levels(String at, LevelCheck l) {
        if (l == null) {
            return;
        }
        rule(at + ".rule", l.rule());
        if (l.min() != null) {
            level(at + ".min", l.min());
        }
        if (l.max() != null) {
            level(at + ".max", l.max());
        }
        require(l.min() == null || l.max() == null || l.min() <= l.max(), at, "min must not exceed max");
    }

    private void facts(String at, List<FactCheck> facts) {
        for (int i = 0; i < facts.size(); i++) {
            require(facts.get(i).fact() != null, at + "[" + i + "].fact", "is required");
            rule(at + "[" + i + "].rule", facts.get(i).rule());
        }
    }

    private void rule(String at, RuleId id) {
        require(id != null, at, "is required: a rule ID of RULES.md");
    }

    private void theme(String at, String code) {
        require(knownThemes.contains(code), at, "'" + code + "' is not a VUM theme of the law file");
    }

    private void level(String at, int level) {
        require(level >= 0 && level <= 4, at, "VUM-SCALE: a level is 0-4, was " + level);
    }

    private void positive(String at, Period p) {
        if (p != null) {
            require(LegalCalendar.longer(p, Period.ZERO, LocalDate.of(2020, 1, 1)), at, "must be a positive period, was " + p);
        }
    }

    private void amount(String at, BigDecimal amount) {
        require(amount != null && amount.signum() > 0, at, "must be a positive amount");
    }

    private void share(String at, BigDecimal share) {
        require(share == null || (share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0), at,
                "must be a share between 0 and 1");
    }

    private void require(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new Problem(file, field, message));
        }
    }
}
