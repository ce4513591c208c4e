package dk.grantlifecycle.domain.decision;

import java.time.LocalDate;

/**
 * DECISION-CONTENT (Forvaltningsloven §§ 22-25): the reasons of a decision and the complaint
 * guidance given with it.
 *
 * @param legalRules  the legal rules applied
 * @param discretion  the main considerations of discretion
 * @param facts       the key facts
 * @param complaintGuidance where, how and by when to complain
 */
public record DecisionContent(String legalRules, String discretion, String facts, ComplaintGuidance complaintGuidance) {

    /**
     * Where, how and by when to complain. The deadline is a date when the receipt is known as the
     * letter is written; otherwise the letter states the rule it is counted by
     * ({@code deadlineRule}, e.g. "4 uger fra du har modtaget afgørelsen") and no date.
     */
    public record ComplaintGuidance(String where, String how, LocalDate deadline, String deadlineRule) {
    }

    public boolean hasReasons() {
        return present(legalRules) && present(discretion) && present(facts);
    }

    public boolean hasComplaintGuidance() {
        return complaintGuidance != null && present(complaintGuidance.where()) && present(complaintGuidance.how());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
