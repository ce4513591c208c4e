package dk.grantlifecycle.domain.grant;

import dk.grantlifecycle.domain.rules.DeliveryChannel;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.time.LocalDate;

/** What every decision records: when the citizen received it (RECEIPT) and its content (DECISION-CONTENT). */
public final class Decisions {

    private Decisions() {
    }

    /** How the decision was sent and when it counts as received. */
    public record Sent(DeliveryChannel channel, LocalDate sentOn, LocalDate receivedOn) {
    }

    public static Sent sent(Delivery delivery, LocalDate decidedOn, General general, LegalCalendar calendar) {
        DeliveryChannel channel = delivery == null || delivery.channel() == null ? DeliveryChannel.DIGITAL_POST : delivery.channel();
        LocalDate sentOn = delivery == null || delivery.sentOn() == null ? decidedOn : delivery.sentOn();
        RuleViolation.require(!sentOn.isBefore(decidedOn), "RECEIPT", "delivery.sentOn", "a decision is sent on or after it is made");
        LocalDate recorded = delivery == null ? null : delivery.receivedOn();
        RuleViolation.require(recorded == null || !recorded.isBefore(sentOn), "RECEIPT", "delivery.receivedOn",
                "a decision is received on or after it is sent");
        return new Sent(channel, sentOn, calendar.receivedOn(channel, sentOn, recorded, general.paperPostReceivedAfterHverdage()));
    }

    /**
     * DECISION-CONTENT: a decision not fully in the citizen's favour states its reasons (the legal
     * rules, the main considerations of discretion, the key facts) and complaint guidance (where,
     * how, and by when: the deadline is computed from the receipt when not given).
     */
    public static DecisionContent content(DecisionContent content, boolean fullyInFavour, LocalDate receivedOn, General general,
                                          LegalCalendar calendar) {
        if (!fullyInFavour) {
            RuleViolation.require(content != null && content.hasReasons(), "DECISION-CONTENT", "content",
                    "a decision not fully in the citizen's favour states the legal rules, the main considerations of discretion and the key facts");
            RuleViolation.require(content.hasComplaintGuidance(), "DECISION-CONTENT", "content.complaintGuidance",
                    "a decision not fully in the citizen's favour says where and how to complain");
        }
        if (content == null || content.complaintGuidance() == null || content.complaintGuidance().deadline() != null) {
            return content;
        }
        LocalDate deadline = calendar.deadlineAfterReceipt(receivedOn, general.complaintWindow());
        return new DecisionContent(content.legalRules(), content.discretion(), content.facts(),
                new DecisionContent.ComplaintGuidance(content.complaintGuidance().where(), content.complaintGuidance().how(), deadline));
    }
}
