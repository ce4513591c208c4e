package dk.grantlifecycle.api.security;

import dk.grantlifecycle.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import static dk.grantlifecycle.api.security.Role.ADMIN;
import static dk.grantlifecycle.api.security.Role.AUDITOR;
import static dk.grantlifecycle.api.security.Role.CASEWORKER;
import static dk.grantlifecycle.api.security.Role.SUPERVISOR;
import static dk.grantlifecycle.api.security.Role.SYSTEM;

/**
 * Authentication (an OAuth2 resource server validating JWTs) and the one table of which roles
 * reach which endpoint. Whose case it is (tenancy) is checked once, after this, by {@link Tenancy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /** Prometheus scraping with the separate credential (grants.security.metrics.*). */
    static final String SCRAPER = "SCRAPER";

    /** One endpoint (or family of endpoints) and the roles that reach it; no roles: open to anyone. */
    public record Endpoint(HttpMethod method, String pattern, List<String> roles) {
        static Endpoint of(HttpMethod method, String pattern, Role... roles) {
            return new Endpoint(method, pattern, java.util.Arrays.stream(roles).map(Role::name).toList());
        }

        static Endpoint open(HttpMethod method, String pattern) {
            return new Endpoint(method, pattern, List.of());
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;

    /**
     * Every endpoint and who may call it. Anything not listed is refused (403), so a new endpoint
     * is closed until it is added here. {@code RoleMatrixIT} checks every operation of the OpenAPI
     * document against its own table of expected answers.
     */
    public static final List<Endpoint> ENDPOINTS = List.of(
            // Commands on cases: caseworkers and integrations.
            Endpoint.of(POST, "/applications", CASEWORKER, SYSTEM),
            Endpoint.of(POST, "/applications/**", CASEWORKER, SYSTEM),
            Endpoint.of(POST, "/assessments/**", CASEWORKER, SYSTEM),
            Endpoint.of(POST, "/grants/**", CASEWORKER, SYSTEM),
            Endpoint.of(POST, "/outreach", CASEWORKER, SYSTEM),
            // Reads of a case as it is now.
            Endpoint.of(GET, "/cases/{id}", CASEWORKER, SUPERVISOR, AUDITOR),
            Endpoint.of(GET, "/cases/{id}/deadlines", CASEWORKER, SUPERVISOR, AUDITOR),
            // The citizen's CPR number and name (PII-NOT-IN-CLEAR): those who handle or audit the case, not queues.
            Endpoint.of(GET, "/cases/{id}/citizen", CASEWORKER, AUDITOR),
            Endpoint.of(GET, "/grants/{id}", CASEWORKER, SUPERVISOR, AUDITOR),
            Endpoint.of(GET, "/grants/{id}/complaints", CASEWORKER, SUPERVISOR, AUDITOR),
            // What auditors use.
            Endpoint.of(GET, "/cases/{id}/audit", AUDITOR),
            Endpoint.of(GET, "/cases/{id}/as-of", AUDITOR),
            Endpoint.of(GET, "/cases/{id}/access-log", AUDITOR),
            Endpoint.of(GET, "/citizens/{citizenId}/access-log", AUDITOR),
            // Supervisors: queues and counts, DST reports.
            Endpoint.of(GET, "/deadlines", SUPERVISOR),
            Endpoint.of(GET, "/reports/dst/**", SUPERVISOR),
            Endpoint.of(POST, "/reports/dst/**", SUPERVISOR),
            // Operations: no case data.
            Endpoint.of(GET, "/rulesets", ADMIN),
            Endpoint.of(GET, "/rulesets/**", ADMIN),
            Endpoint.of(GET, "/admin/**", ADMIN),
            Endpoint.of(POST, "/admin/**", ADMIN),
            Endpoint.of(GET, "/simulation/**", ADMIN),
            Endpoint.of(PUT, "/simulation/**", ADMIN),
            Endpoint.of(POST, "/simulation/**", ADMIN),
            new Endpoint(GET, "/actuator/prometheus", List.of(ADMIN.name(), SCRAPER)),
            new Endpoint(GET, "/actuator/metrics/**", List.of(ADMIN.name(), SCRAPER)),
            // Open: probes, the API description and the Kafka event catalogue. (The local mode adds POST /dev/token; it does not exist beside an issuer.)
            Endpoint.open(GET, "/actuator/health/**"),
            Endpoint.open(GET, "/v3/api-docs/**"),
            Endpoint.open(GET, "/asyncapi.yaml"),
            Endpoint.open(GET, "/swagger-ui/**"),
            Endpoint.open(GET, "/swagger-ui.html"),
            Endpoint.open(null, "/error"));

    @Bean
    public SecurityMode securityMode(SecuritySettings settings) {
        SecurityMode mode = SecurityMode.of(settings);
        if (mode == SecurityMode.PRODUCTION) {
            SecuritySettings.Jwt jwt = settings.jwt();
            log.info("security mode PRODUCTION: tokens from issuer {} for audience {} (keys: {}), claims actor={} municipality={} roles={}",
                    jwt.expectedIssuer(), jwt.audience(), SecuritySettings.present(jwt.issuerUri()) ? "issuer discovery"
                            : SecuritySettings.present(jwt.jwkSetUri()) ? "JWK set " + jwt.jwkSetUri() : "configured public key",
                    settings.claims().actor(), settings.claims().municipality(), settings.claims().roles());
        } else {
            log.warn("security mode LOCAL: development signing key kept in this database; POST /dev/token hands out tokens for"
                    + " built-in users. Not for production: configure grants.security.jwt.* (an issuer) to leave this mode");
        }
        return mode;
    }

    @Bean
    @Conditional(LocalModeCondition.class)
    LocalIssuer localIssuer(JdbcTemplate jdbc) {
        return new LocalIssuer(jdbc);
    }

    /** A database that once ran in the local mode keeps no signing key once the service runs on it in production mode. */
    @Bean
    ApplicationRunner localIssuerKeyRemoval(SecurityMode mode, JdbcTemplate jdbc) {
        return arguments -> {
            if (mode == SecurityMode.PRODUCTION && jdbc.update("DELETE FROM local_issuer_key") > 0) {
                log.warn("security mode PRODUCTION: the local mode's signing key stored in this database was deleted");
            }
        };
    }

    @Bean
    public JwtDecoder jwtDecoder(SecuritySettings settings, SecurityMode mode, org.springframework.beans.factory.ObjectProvider<LocalIssuer> local) {
        SecuritySettings.Jwt jwt = settings.jwt();
        NimbusJwtDecoder decoder;
        String issuer;
        String audience;
        if (mode == SecurityMode.LOCAL) {
            decoder = NimbusJwtDecoder.withPublicKey(local.getObject().publicKey()).build();
            issuer = LocalIssuer.ISSUER;
            audience = LocalIssuer.AUDIENCE;
        } else {
            decoder = SecuritySettings.present(jwt.publicKey()) ? NimbusJwtDecoder.withPublicKey(publicKey(jwt.publicKey())).build()
                    : SecuritySettings.present(jwt.jwkSetUri()) ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
                    : NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
            issuer = jwt.expectedIssuer();
            audience = jwt.audience();
        }
        decoder.setJwtValidator(validator(issuer, audience, jwt));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, SecuritySettings.Jwt jwt) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(jwt.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }

    private static RSAPublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("grants.security.jwt.public-key is not an RSA public key in PEM (X.509) form", e);
        }
    }

    @Bean
    @Conditional(ScrapeCredentialCondition.class)
    UserDetailsService scraper(SecuritySettings settings) {
        SecuritySettings.Metrics m = settings.metrics();
        return new InMemoryUserDetailsManager(User.withUsername(m.scrapeUsername())
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(m.scrapePassword())).roles(SCRAPER).build());
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, SecuritySettings settings, SecurityMode mode,
                                   Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(problems);
        AccessDeniedHandler denied = problemDenied(problems);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> {
                    if (mode == SecurityMode.LOCAL) {
                        a.requestMatchers(POST, "/dev/token").permitAll();
                    }
                    for (Endpoint e : ENDPOINTS) {
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = e.method() == null
                                ? a.requestMatchers(e.pattern()) : a.requestMatchers(e.method(), e.pattern());
                        if (e.roles().isEmpty()) {
                            url.permitAll();
                        } else {
                            url.hasAnyRole(e.roles().toArray(String[]::new));
                        }
                    }
                    a.anyRequest().denyAll();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new CallerConverter(settings.claims())))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()));
        if (settings.metrics().configured()) {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        }
        List<String> origins = settings.cors().allowedOrigins();
        if (origins.isEmpty()) {
            http.cors(c -> c.disable());
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key",
                    "X-On-Behalf-Of", "X-Reason", "X-Purpose"));
            cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Event-Position", "X-Read-Models",
                    "Idempotent-Replayed"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            http.cors(c -> c.configurationSource(source));
        }
        return http.build();
    }

    /**
     * The firewall's refusals (an encoded slash, a double slash, a semicolon, ...) as problem+json,
     * like every other refusal of malformed input.
     */
    @Bean
    public org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(Problems problems) {
        return (request, response, e) -> problems.write(response, Problems.badInput("the path is not accepted: " + e.getMessage(), "path"),
                new HttpHeaders());
    }

    /** 401 as problem+json, with the WWW-Authenticate header RFC 6750 asks for. */
    private static AuthenticationEntryPoint problemEntryPoint(Problems problems) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            problems.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    "a valid bearer token is required (Authorization: Bearer ...)", null, HttpHeaders.AUTHORIZATION), new HttpHeaders());
        };
    }

    private static AccessDeniedHandler problemDenied(Problems problems) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            problems.write(response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                    "your roles do not allow " + request.getMethod() + " on this endpoint", null, null), new HttpHeaders());
        };
    }

}
