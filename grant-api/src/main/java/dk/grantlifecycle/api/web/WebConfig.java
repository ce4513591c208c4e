package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.web.input.PathAndParameterCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final ActorResolver actors = new ActorResolver();
    private final dk.grantlifecycle.api.security.Tenancy tenancy;

    public WebConfig(dk.grantlifecycle.api.security.Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actors);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathAndParameterCheck());
        // Whose case it is comes before the body and the audit headers: another municipality's case answers 404.
        registry.addInterceptor(tenancy);
        registry.addInterceptor(actors);
    }
}
