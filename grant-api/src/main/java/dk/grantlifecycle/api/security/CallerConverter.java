package dk.grantlifecycle.api.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the actor, municipality and roles from a validated token, under the claim names the
 * configuration gives ({@code grants.security.claims.*}). The roles claim may be a list or a
 * space-separated string (as OAuth2 scopes are); values this service does not know are ignored.
 */
class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");

    private final SecuritySettings.Claims claims;

    CallerConverter(SecuritySettings.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String actor = jwt.getClaimAsString(claims.actor());
        if (actor == null || !ID.matcher(actor).matches()) {
            throw new InvalidBearerTokenException("the token's " + claims.actor() + " claim is not an actor id (1-64 of A-Z a-z 0-9 . _ @ : -)");
        }
        String municipality = jwt.getClaimAsString(claims.municipality());
        if (municipality != null && !ID.matcher(municipality).matches()) {
            throw new InvalidBearerTokenException("the token's " + claims.municipality() + " claim is not a municipality id");
        }
        Set<Role> roles = roles(jwt.getClaims().get(claims.roles()));
        Collection<GrantedAuthority> authorities = roles.stream().map(Role::authority).toList();
        return new CallerAuthentication(jwt, authorities, new Caller(actor, municipality, roles));
    }

    private Set<Role> roles(Object claim) {
        List<String> values = claim instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : claim instanceof String s ? List.of(s.trim().split("\\s+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : values) {
            Role.ofClaim(claims.roleNames().getOrDefault(v, v)).ifPresent(roles::add);
        }
        return roles;
    }
}
