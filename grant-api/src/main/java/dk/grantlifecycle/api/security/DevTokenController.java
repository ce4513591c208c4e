package dk.grantlifecycle.api.security;

import dk.grantlifecycle.api.web.BadInput;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The local mode's token endpoint: a token for a built-in user, {@code <role>-<municipality>}
 * (caseworker, supervisor, auditor, system, for every municipality with shipped rules) or
 * {@code admin}. Not there at all beside a production issuer ({@link LocalModeCondition}).
 */
@RestController
@Conditional(LocalModeCondition.class)
public class DevTokenController {

    private final LocalIssuer issuer;
    private final Map<String, User> users = new LinkedHashMap<>();

    record User(String municipality, Role role) {
    }

    public record TokenRequest(String user) {
    }

    public record Token(String access_token, String token_type, long expires_in, String user) {
    }

    public DevTokenController(LocalIssuer issuer, RuleBook rules) {
        this.issuer = issuer;
        for (String m : new TreeSet<>(rules.municipalities().stream().map(MunicipalityId::value).toList())) {
            for (Role r : List.of(Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR, Role.SYSTEM)) {
                users.put(r.lowerCase() + "-" + m, new User(m, r));
            }
        }
        users.put("admin", new User(null, Role.ADMIN));
    }

    @Operation(summary = "local mode only: a token for a built-in user")
    @PostMapping("/dev/token")
    public Token token(@RequestBody TokenRequest request) {
        User u = request == null || request.user() == null ? null : users.get(request.user());
        if (u == null) {
            throw new BadInput("user", "a built-in user: " + String.join(", ", users.keySet()));
        }
        String token = issuer.token(request.user(), u.municipality(), List.of(u.role().lowerCase()));
        return new Token(token, "Bearer", LocalIssuer.LIFETIME.toSeconds(), request.user());
    }

    public List<String> users() {
        return List.copyOf(users.keySet());
    }
}
