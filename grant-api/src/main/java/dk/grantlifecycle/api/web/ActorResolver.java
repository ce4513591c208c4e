package dk.grantlifecycle.api.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves the {@link Actor} of a request from its headers; a command without an actor is refused. */
public class ActorResolver implements HandlerMethodArgumentResolver {

    static final String ACTOR = "X-Actor";
    private static final String ID = "[A-Za-z0-9._@:-]{1,64}";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        String actor = request.getHeader(ACTOR);
        if (actor == null || !actor.matches(ID)) {
            throw new BadInput(ACTOR, "every command names its actor (a caseworker or system id, 1-64 of A-Z a-z 0-9 . _ @ : -)");
        }
        String onBehalfOf = request.getHeader("X-On-Behalf-Of");
        if (onBehalfOf != null && !onBehalfOf.matches(ID)) {
            throw new BadInput("X-On-Behalf-Of", "an id of 1-64 of A-Z a-z 0-9 . _ @ : -");
        }
        String reason = request.getHeader("X-Reason");
        if (reason != null && reason.length() > 500) {
            throw new BadInput("X-Reason", "at most 500 characters");
        }
        return new Actor(actor, onBehalfOf, reason);
    }
}
