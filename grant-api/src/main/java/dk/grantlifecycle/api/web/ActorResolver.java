package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.web.input.InputRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/**
 * Resolves the {@link Actor} of a request: who acts comes from the validated token (never from a
 * header), on whose behalf and why from the audited-context headers {@code X-On-Behalf-Of} and
 * {@code X-Reason}, which are validated. As an interceptor it checks those headers before the body
 * is read, so a request with an invalid one is refused for that, whatever else is wrong with it.
 */
public class ActorResolver implements HandlerMethodArgumentResolver, HandlerInterceptor {

    public static final String ID = "[A-Za-z0-9._@:-]{1,64}";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.getParameterType() == Actor.class)) {
            actorOf(request::getHeader);
        }
        return true;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        return actorOf(request::getHeader);
    }

    private static Actor actorOf(java.util.function.UnaryOperator<String> headers) {
        // The security filter chain lets no command through without a validated token.
        String actor = dk.grantlifecycle.api.security.Caller.current().map(dk.grantlifecycle.api.security.Caller::actor)
                .orElseThrow(() -> new IllegalStateException("a command without an authenticated caller"));
        String onBehalfOf = headers.apply("X-On-Behalf-Of");
        if (onBehalfOf != null && !onBehalfOf.matches(ID)) {
            throw new BadInput("X-On-Behalf-Of", "an id of 1-64 of A-Z a-z 0-9 . _ @ : -");
        }
        String reason = headers.apply("X-Reason");
        String problem = reason == null ? null : InputRules.problemWith(reason, false, 500);
        if (problem != null) {
            throw new BadInput("X-Reason", "is one line of at most 500 characters; it " + problem);
        }
        return new Actor(actor, onBehalfOf, reason);
    }
}
