package dk.grantlifecycle.api;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes every service the tests start in-process trust {@link TestTokens}' issuer (production mode),
 * unless a test asks for the local mode with {@code grants.test.issuer=off}.
 */
public class TestIssuerEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("off".equals(environment.getProperty("grants.test.issuer"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-issuer", TestTokens.properties()));
    }
}
