package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.decision.Cadence.Anchor;
import dk.grantlifecycle.domain.decision.Cadence;
import dk.grantlifecycle.domain.rules.ParagraphRules.Applies;
import dk.grantlifecycle.domain.rules.ParagraphRules.FollowUpRule;
import dk.grantlifecycle.domain.rules.ParagraphRules.ServiceRule;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** The follow-up cadences a grant gets from the rules in force on its decision date. */
public final class Cadences {

    private Cadences() {
    }

    public static List<Cadence> forGrant(RulesInForce in, ServiceRule service, boolean firstGrant, LocalDate decidedOn,
                                         LocalDate birthDate, LegalCalendar calendar) {
        if (service != null && Boolean.FALSE.equals(service.followUp())) {
            return List.of();
        }
        List<Cadence> cadences = new ArrayList<>();
        for (FollowUpRule f : in.rules().followUpsOrEmpty()) {
            Applies applies = f.applies() == null ? Applies.ANY : f.applies();
            if (applies == Applies.FIRST_GRANT && !firstGrant || applies == Applies.REPEAT_GRANT && firstGrant) {
                continue;
            }
            LocalDate fixed = null;
            if (f.anchor() == Anchor.AGE) {
                if (birthDate == null) {
                    continue;
                }
                fixed = calendar.plus(birthDate, Period.ofYears(f.atAge()));
                if (!fixed.isAfter(decidedOn)) {
                    continue;
                }
            }
            cadences.add(new Cadence(f.rule(), f.kind(), f.anchor(), f.first(), f.windowOpens(), f.every(), fixed, f.after()));
        }
        return List.copyOf(cadences);
    }
}
