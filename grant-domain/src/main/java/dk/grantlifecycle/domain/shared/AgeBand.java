package dk.grantlifecycle.domain.shared;

/**
 * ANONYMOUS: the age an anonymous citizen states instead of a CPR number, as whole years from
 * {@code from} to {@code to} (inclusive; {@code to} null: no upper bound). Rules that need an age
 * judge every birth date the band allows; a band that spans a rule's limit cannot answer it.
 */
public record AgeBand(int from, Integer to) {

    public AgeBand {
        if (from < 0 || from > 130 || (to != null && (to < from || to > 130))) {
            throw new RuleViolation(RuleId.ANONYMOUS, "ageBand", "an age band is whole years from 0 to 130, from <= to");
        }
    }

    @Override
    public String toString() {
        return to == null ? from + "+" : from + "-" + to;
    }
}
