package dk.grantlifecycle.domain.grant;

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

    public record ComplaintGuidance(String where, String how, LocalDate deadline) {
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
