package dk.grantlifecycle.api.personaldata;

import dk.grantlifecycle.domain.application.ApplicationEvent.CitizenDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys the citizen's data key when {@link CitizenDataErased} is stored. Runs in a subscribing
 * processor, in the transaction that stores the event: the erasure is recorded exactly when the key
 * is gone. Never replayed (a subscribing processor has no token to reset).
 */
@Component
@ProcessingGroup(CitizenKeyShredder.PROCESSING_GROUP)
public class CitizenKeyShredder {

    public static final String PROCESSING_GROUP = "citizen-keys";

    private final CitizenKeys keys;

    public CitizenKeyShredder(CitizenKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(CitizenDataErased e) {
        keys.destroy(e.citizenId());
    }
}
