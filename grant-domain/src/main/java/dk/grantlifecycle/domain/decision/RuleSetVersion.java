package dk.grantlifecycle.domain.decision;

import java.time.LocalDate;

/**
 * Identifies the rules a decision was judged by: the municipality's standard (adopted on
 * {@code adopted}; null when the municipality has no standard for the paragraph) and the law
 * file in force ({@code law}). Recorded in every decision, so that replaying old events never
 * depends on today's files.
 */
public record RuleSetVersion(String municipality, LocalDate adopted, LocalDate law) {

    @Override
    public String toString() {
        return municipality + "@" + (adopted == null ? "none" : adopted) + "+law@" + law;
    }
}
