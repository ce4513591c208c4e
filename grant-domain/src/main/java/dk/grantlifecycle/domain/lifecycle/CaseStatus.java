package dk.grantlifecycle.domain.lifecycle;

import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationDecided;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReferredElsewhere;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationWithdrawn;
import dk.grantlifecycle.domain.application.ApplicationEvent.AssessmentAttached;
import dk.grantlifecycle.domain.application.ApplicationEvent.CaseRemitted;
import dk.grantlifecycle.domain.application.ApplicationEvent;

/**
 * Where a case stands. The one definition the caseworker's case view, the supervisors' queue and
 * as-of history all use; it moves only on the application's own events, so the same stream always
 * gives the same status whichever of them folds it.
 */
public enum CaseStatus {
    /** Received and being screened. */
    RECEIVED,
    /** A completed VUM assessment is attached; the case awaits its decision. */
    ASSESSED,
    DECIDED,
    /** Decided by referral elsewhere: a refusal of what was applied for. */
    REFERRED,
    /** The citizen withdrew the application; closed without a decision. */
    WITHDRAWN,
    /** Ankestyrelsen remitted the case; the municipality processes it again (CASE-REMITTED). */
    REOPENED;

    public static final CaseStatus INITIAL = RECEIVED;

    /** The status after {@code event}; an event that does not move the case leaves it as it is. */
    public CaseStatus after(ApplicationEvent event) {
        if (event instanceof AssessmentAttached) {
            return this == RECEIVED ? ASSESSED : this;
        }
        if (event instanceof ApplicationDecided d) {
            return d.referredTo() != null ? REFERRED : DECIDED;
        }
        if (event instanceof ApplicationReferredElsewhere) {
            return REFERRED;
        }
        if (event instanceof ApplicationWithdrawn) {
            return WITHDRAWN;
        }
        if (event instanceof CaseRemitted) {
            return REOPENED;
        }
        return this;
    }

    /** Whether {@code event} can move a case at all, so a view need not read a status that cannot change. */
    public static boolean moves(Object event) {
        return event instanceof AssessmentAttached || event instanceof ApplicationDecided
                || event instanceof ApplicationReferredElsewhere || event instanceof ApplicationWithdrawn
                || event instanceof CaseRemitted;
    }
}
