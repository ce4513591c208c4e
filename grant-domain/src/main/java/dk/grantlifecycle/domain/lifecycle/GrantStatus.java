package dk.grantlifecycle.domain.lifecycle;

import dk.grantlifecycle.domain.grant.GrantEvent.DecisionChangedInFavour;
import dk.grantlifecycle.domain.grant.GrantEvent.DecisionRevoked;
import dk.grantlifecycle.domain.grant.GrantEvent.GrantEnded;
import dk.grantlifecycle.domain.grant.GrantEvent.OutreachContactStarted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceGranted;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceRejected;
import dk.grantlifecycle.domain.grant.GrantEvent.ServiceStarted;
import dk.grantlifecycle.domain.grant.GrantEvent;

/**
 * Where a service line stands, for every view that shows it (case view, as-of history). Moved only
 * by the grant's own events; {@code started} says whether the service had started, which decides
 * where an ending that is revoked returns the line to.
 */
public enum GrantStatus {
    GRANTED,
    REJECTED,
    STARTED,
    ENDED;

    /** The status a grant line opens with. */
    public static GrantStatus opening(GrantEvent event) {
        if (event instanceof ServiceGranted) {
            return GRANTED;
        }
        if (event instanceof ServiceRejected) {
            return REJECTED;
        }
        if (event instanceof OutreachContactStarted) {
            return STARTED;
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not open a grant line");
    }

    public GrantStatus after(GrantEvent event, boolean started) {
        if (event instanceof ServiceStarted) {
            return STARTED;
        }
        if (event instanceof GrantEnded) {
            return ENDED;
        }
        if (event instanceof DecisionRevoked r && r.reinstated()) {
            return started ? STARTED : GRANTED;
        }
        if (event instanceof DecisionChangedInFavour c && c.nowGranted()) {
            return GRANTED;
        }
        return this;
    }

    public static boolean moves(Object event) {
        return event instanceof ServiceStarted || event instanceof GrantEnded
                || event instanceof DecisionRevoked r && r.reinstated()
                || event instanceof DecisionChangedInFavour c && c.nowGranted();
    }
}
