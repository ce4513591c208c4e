package dk.grantlifecycle.api.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True in the local mode only ({@link SecurityMode#of}); beans under it do not exist beside a production issuer. */
class LocalModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        SecuritySettings settings = Binder.get(context.getEnvironment()).bind("grants.security", SecuritySettings.class)
                .orElseGet(() -> new SecuritySettings(null, null, null, null, null));
        try {
            return SecurityMode.of(settings) == SecurityMode.LOCAL;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
