package dk.grantlifecycle.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;

/**
 * Who calls, as the validated token says: the actor's id (stored on every event as who acted), the
 * municipality whose cases they work on (null for a role that needs none, such as admin), and their roles.
 */
public record Caller(String actor, String municipality, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** ACCESS-LOG: the purpose of a read when the request names none; the first of the caller's reading roles. */
    public String defaultPurpose() {
        for (Role r : new Role[]{Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR, Role.SYSTEM, Role.ADMIN}) {
            if (has(r)) {
                return r.defaultPurpose();
            }
        }
        return "unspecified";
    }

    /** The caller of the current request, when a token authenticated it. */
    public static Optional<Caller> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a instanceof CallerAuthentication c ? Optional.of(c.caller()) : Optional.empty();
    }
}
