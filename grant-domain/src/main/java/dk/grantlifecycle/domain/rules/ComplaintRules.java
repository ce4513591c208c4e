package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.time.Period;

/**
 * How a decision's complaints and effects are timed by the rules in force: when a reduction or
 * ending takes effect (NOTICE-3A-14W), and how long the municipality has to reconsider a complaint
 * (COMPLAINT-RECONSIDER, BPA-COMPLAINT-2W, NOTICE-3A-COMPLAINT).
 */
public final class ComplaintRules {

    private ComplaintRules() {
    }

    /** When a reduction or ending takes effect, and the notice rule that set the date (null when none applies). */
    public record Effect(LocalDate on, RuleId noticeRule) {

        /** The rule the effect deadline runs under: the notice rule, or COMPLAINT-NO-SUSPENSION for a date the decision names. */
        public RuleId rule() {
            return noticeRule != null ? noticeRule : RuleId.COMPLAINT_NO_SUSPENSION;
        }

        public boolean laterThan(LocalDate decidedOn) {
            return on.isAfter(decidedOn);
        }
    }

    /**
     * A burdensome decision takes effect at the earliest when it has reached the citizen, and an
     * ongoing service is reduced or ended with notice counted from that receipt (DEADLINE-COUNT):
     * under § 3 a at least 14 weeks (NOTICE-3A-14W), otherwise the reasonable notice of the rule set
     * (RECEIPT). A later date the decision names is kept; an earlier one moves to the notice's end.
     * An ending the citizen asked for burdens no one: outside § 3 a it takes effect on its date.
     */
    public static Effect effect(RulesInForce in, LocalDate decidedOn, LocalDate requested, LocalDate receivedOn,
                                boolean citizensOwnWish, LegalCalendar calendar) {
        LocalDate wanted = requested == null ? decidedOn : requested;
        RuleViolation.require(!wanted.isBefore(decidedOn), RuleId.NOTICE_3A_14W, "effectiveOn",
                "a reduction or ending takes effect on or after the decision");
        RuleId noticeRule = in.rules().notice() != null ? RuleId.NOTICE_3A_14W : null;
        Period notice = in.rules().notice() != null ? in.rules().notice()
                : citizensOwnWish ? null : in.general().reductionNotice();
        if (notice == null && citizensOwnWish) {
            return new Effect(wanted, null);
        }
        LocalDate earliest = notice == null ? receivedOn : calendar.deadlineAfterReceipt(receivedOn, notice);
        return new Effect(wanted.isAfter(earliest) ? wanted : earliest, noticeRule);
    }

    /** The time the municipality has to reconsider a complaint, and the rule that sets it. */
    public record Reconsideration(RuleId rule, Period period) {
    }

    /**
     * BPA-COMPLAINT-2W for an ending where the paragraph sets a shorter time, NOTICE-3A-COMPLAINT for
     * a decision under the notice rule, otherwise COMPLAINT-RECONSIDER.
     */
    public static Reconsideration reconsideration(RulesInForce in, boolean ending, boolean underNotice) {
        if (ending && in.rules().endingReconsideration() != null) {
            return new Reconsideration(RuleId.BPA_COMPLAINT_2W, in.rules().endingReconsideration());
        }
        if (underNotice) {
            return new Reconsideration(RuleId.NOTICE_3A_COMPLAINT, in.general().noticeReconsideration());
        }
        return new Reconsideration(RuleId.COMPLAINT_RECONSIDER, in.general().reconsideration());
    }
}
