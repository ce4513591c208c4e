package dk.grantlifecycle.domain.lifecycle;

import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.shared.RuleId;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a deadline asks of the caseworker in a given status, as data the queue shows with the
 * deadline: the rule that asks it and what to do.
 */
public enum DeadlinePrompt {

    /**
     * CASE-DEADLINE-LETTER (Retssikkerhedsloven § 3, stk. 2): when the case-processing deadline
     * cannot be met, the citizen is told in writing when to expect a decision. Not for the acute
     * deadline, which asks for support to start rather than a letter.
     */
    CASE_DEADLINE_LETTER(RuleId.CASE_DEADLINE_LETTER, DeadlineKind.CASE_PROCESSING,
            Set.of(DeadlineStatus.DUE_TODAY, DeadlineStatus.OVERDUE), Set.of(RuleId.CASE_ACUTE),
            "The case-processing deadline cannot be met: tell the citizen in writing when to expect a decision."),

    /** TEMPORARY-FIRST: a grant for a limited period ends by itself after its last day unless a decision extends it. */
    GRANT_PERIOD_EXTENSION(RuleId.TEMPORARY_FIRST, DeadlineKind.GRANT_PERIOD_END, Set.of(DeadlineStatus.UPCOMING, DeadlineStatus.DUE_TODAY),
            Set.of(), "The grant ends by itself after this day: if the need continues, decide an extension before then.");

    private final RuleId rule;
    private final DeadlineKind kind;
    private final Set<DeadlineStatus> when;
    private final Set<RuleId> notForDeadlinesOf;
    private final String text;

    DeadlinePrompt(RuleId rule, DeadlineKind kind, Set<DeadlineStatus> when, Set<RuleId> notForDeadlinesOf, String text) {
        this.rule = rule;
        this.kind = kind;
        this.when = when;
        this.notForDeadlinesOf = notForDeadlinesOf;
        this.text = text;
    }

    public RuleId rule() {
        return rule;
    }

    public String text() {
        return text;
    }

    /** The prompt a deadline of {@code kind} set by {@code deadlineRule} gives in {@code status}, if any. */
    public static Optional<DeadlinePrompt> of(DeadlineKind kind, RuleId deadlineRule, DeadlineStatus status) {
        return Arrays.stream(values())
                .filter(p -> p.kind == kind && p.when.contains(status) && !p.notForDeadlinesOf.contains(deadlineRule))
                .findFirst();
    }
}
