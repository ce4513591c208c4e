package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.time.Period;

/** What every decision records: when the citizen received it (RECEIPT) and its content (DECISION-CONTENT). */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * How the decision was sent and when it counts as received. {@code receiptKnown}: the receipt
     * is known as the letter is written (Digital Post and in person: the day it is sent; a receipt
     * recorded afterwards); a paper letter's receipt is only presumed, some hverdage after sending.
     */
    public record Sent(DeliveryChannel channel, LocalDate sentOn, LocalDate receivedOn, boolean receiptKnown) {
    }

    public static Sent sent(Delivery delivery, LocalDate decidedOn, General general, LegalCalendar calendar) {
        DeliveryChannel channel = delivery == null || delivery.channel() == null ? DeliveryChannel.DIGITAL_POST : delivery.channel();
        LocalDate sentOn = delivery == null || delivery.sentOn() == null ? decidedOn : delivery.sentOn();
        RuleViolation.require(!sentOn.isBefore(decidedOn), RuleId.RECEIPT, "delivery.sentOn", "a decision is sent on or after it is made");
        LocalDate recorded = delivery == null ? null : delivery.receivedOn();
        RuleViolation.require(recorded == null || !recorded.isBefore(sentOn), RuleId.RECEIPT, "delivery.receivedOn",
                "a decision is received on or after it is sent");
        return new Sent(channel, sentOn, calendar.receivedOn(channel, sentOn, recorded, general.paperPostReceivedAfterHverdage()),
                recorded != null || channel != DeliveryChannel.PAPER);
    }

    /**
     * DECISION-CONTENT: a decision not fully in the citizen's favour states its reasons (the legal
     * rules, the main considerations of discretion, the key facts) and complaint guidance (where,
     * how, and by when). The deadline the letter gives is checked against the law's, counted from
     * the receipt (DEADLINE-COUNT): an earlier one is refused, a later one is what the citizen may
     * rely on. When the receipt is not known as the letter is written, the letter states the rule
     * and no date; a missing deadline is filled in either way.
     */
    public static DecisionContent content(DecisionContent content, boolean fullyInFavour, Sent sent, General general,
                                          LegalCalendar calendar) {
        if (!fullyInFavour) {
            RuleViolation.require(content != null && content.hasReasons(), RuleId.DECISION_CONTENT, "content",
                    "a decision not fully in the citizen's favour states the legal rules, the main considerations of discretion and the key facts");
            RuleViolation.require(content.hasComplaintGuidance(), RuleId.DECISION_CONTENT, "content.complaintGuidance",
                    "a decision not fully in the citizen's favour says where and how to complain");
        }
        if (content == null || content.complaintGuidance() == null) {
            return content;
        }
        DecisionContent.ComplaintGuidance given = content.complaintGuidance();
        LocalDate stated = given.deadline();
        if (!sent.receiptKnown()) {
            RuleViolation.require(stated == null, RuleId.DECISION_CONTENT, "content.complaintGuidance.deadline",
                    "a letter sent by paper post cannot know when it is received: it states the rule ("
                            + afterReceipt(general.complaintWindow()) + "), not a date");
            return withGuidance(content, new DecisionContent.ComplaintGuidance(given.where(), given.how(), null,
                    afterReceipt(general.complaintWindow())));
        }
        LocalDate lawful = calendar.deadlineAfterReceipt(sent.receivedOn(), general.complaintWindow());
        RuleViolation.require(stated == null || !stated.isBefore(lawful), RuleId.DECISION_CONTENT, "content.complaintGuidance.deadline",
                "the letter's complaint deadline " + stated + " is earlier than the law's: " + afterReceipt(general.complaintWindow())
                        + ", received " + sent.receivedOn() + ", ends " + lawful + " (DEADLINE-COUNT)");
        return withGuidance(content, new DecisionContent.ComplaintGuidance(given.where(), given.how(),
                stated == null ? lawful : stated, null));
    }

    /** The end of the complaint window: the law's, or the later date the letter promised. */
    public static LocalDate windowEndsOn(DecisionContent content, LocalDate receivedOn, General general, LegalCalendar calendar) {
        LocalDate lawful = calendar.deadlineAfterReceipt(receivedOn, general.complaintWindow());
        LocalDate promised = content == null || content.complaintGuidance() == null ? null : content.complaintGuidance().deadline();
        return promised != null && promised.isAfter(lawful) ? promised : lawful;
    }

    /** The complaint deadline as a letter states it when it cannot give a date. */
    static String afterReceipt(Period window) {
        String length = window.getMonths() > 0 && window.getDays() == 0 && window.getYears() == 0
                ? window.getMonths() + (window.getMonths() == 1 ? " måned" : " måneder")
                : window.getDays() % 7 == 0 && window.toTotalMonths() == 0
                ? window.getDays() / 7 + (window.getDays() == 7 ? " uge" : " uger")
                : window.getDays() + (window.getDays() == 1 ? " dag" : " dage");
        return length + " fra du har modtaget afgørelsen";
    }

    private static DecisionContent withGuidance(DecisionContent content, DecisionContent.ComplaintGuidance guidance) {
        return new DecisionContent(content.legalRules(), content.discretion(), content.facts(), guidance);
    }
}
