package dk.grantlifecycle.api.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;

/** A validated token and the {@link Caller} read from its claims. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.actor());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
