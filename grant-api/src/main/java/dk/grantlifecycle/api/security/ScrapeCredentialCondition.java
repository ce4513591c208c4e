package dk.grantlifecycle.api.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** A separate Prometheus scrape credential is configured (grants.security.metrics.*). */
class ScrapeCredentialCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("grants.security", SecuritySettings.class)
                .map(s -> s.metrics().configured()).orElse(false);
    }
}
