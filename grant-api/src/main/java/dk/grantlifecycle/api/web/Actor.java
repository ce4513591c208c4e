package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.config.AxonConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Who raises a command (a caseworker's or system's id, never a citizen's personal data), on
 * whose behalf, and why. Taken from the X-Actor, X-On-Behalf-Of and X-Reason headers and stored
 * as metadata on every event the command causes, for the audit trail.
 */
public record Actor(String id, String onBehalfOf, String reason) {

    public Map<String, Object> metadata() {
        Map<String, Object> m = new HashMap<>();
        m.put(AxonConfig.ACTOR, id);
        if (onBehalfOf != null) {
            m.put(AxonConfig.ON_BEHALF_OF, onBehalfOf);
        }
        if (reason != null) {
            m.put(AxonConfig.REASON, reason);
        }
        return m;
    }
}
