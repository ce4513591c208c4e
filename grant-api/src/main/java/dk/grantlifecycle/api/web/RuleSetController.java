package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RuleFinding;
import dk.grantlifecycle.domain.rules.RulesInForce;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule files loaded, the conflicts and flags found in them, and what was in force on a date. */
@RestController
@RequestMapping("/rulesets")
public class RuleSetController {

    private final RuleBook rules;
    private final Commands commands;

    public RuleSetController(RuleBook rules, Commands commands) {
        this.rules = rules;
        this.commands = commands;
    }

    /**
     * The loaded files, the conflicts and flags found in them, and per municipality every value no
     * source gives ({@code source: assumption}) with its reason.
     */
    public record Overview(List<RuleBook.FileSummary> files, List<RuleFinding> findings,
                           Map<String, List<RuleBook.AssumptionInForce>> assumptions) {
    }

    @GetMapping
    public Overview overview() {
        Map<String, List<RuleBook.AssumptionInForce>> assumptions = new LinkedHashMap<>();
        rules.assumptions().forEach((m, list) -> assumptions.put(m.value(), list));
        return new Overview(rules.files(), rules.findings(), assumptions);
    }

    @GetMapping("/{municipality}/{paragraph}")
    public RulesInForce inForce(@PathVariable String municipality, @PathVariable Paragraph paragraph,
                                @RequestParam(required = false) LocalDate on) {
        return rules.inForce(MunicipalityId.of(municipality), paragraph, on == null ? commands.today() : on);
    }
}
