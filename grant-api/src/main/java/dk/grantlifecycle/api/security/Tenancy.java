package dk.grantlifecycle.api.security;

import dk.grantlifecycle.api.web.AdminController;
import dk.grantlifecycle.api.web.ApplicationController;
import dk.grantlifecycle.api.web.AssessmentController;
import dk.grantlifecycle.api.web.AuditController;
import dk.grantlifecycle.api.web.BadInput;
import dk.grantlifecycle.api.web.CaseController;
import dk.grantlifecycle.api.web.GrantController;
import dk.grantlifecycle.api.web.input.InputRules;
import dk.grantlifecycle.api.web.input.RequestLimitsFilter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;

/**
 * Tenancy, enforced once for every case endpoint: the caller's municipality (from the token) must
 * own the case an id belongs to. Another municipality's case answers exactly as an unknown id does
 * (404), so existence does not leak, and the attempt is logged as a security event. Commands,
 * reads, audit, as-of and exports are covered by the path's {@code id} (an erasure by an administrator
 * bound to a municipality too); DST reports by the path's
 * {@code municipality}; new applications and outreach by the body's {@code municipality}. Queue
 * queries are scoped by {@link #scope}. Reads of a case are recorded in the {@link AccessLog}
 * (ACCESS-LOG) before their data is served, with the purpose from {@code X-Purpose}.
 */
@Component
public class Tenancy implements HandlerInterceptor {

    /** The logger security events go to: operators alert on it. Ids only, never personal data. */
    public static final Logger SECURITY = LoggerFactory.getLogger("SECURITY");
    public static final String PURPOSE = "X-Purpose";

    /** Controllers whose path variable {@code id} names an application, assessment, grant line or case. */
    private static final Set<Class<?>> CASE_CONTROLLERS = Set.of(ApplicationController.class, AssessmentController.class,
            GrantController.class, CaseController.class, AuditController.class, AccessLogController.class);
    /** The form of every aggregate id (Ids.check). */
    private static final java.util.regex.Pattern WELL_FORMED_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");
    /** Commands that open a case in the municipality their body names. */
    private static final Set<String> OPENING = Set.of("/applications", "/outreach");

    /** A tenant-bound endpoint called with a token that names no municipality. */
    public static class NoMunicipality extends RuntimeException {
        public NoMunicipality() {
            super("the token names no municipality");
        }
    }

    /** Another municipality named in a path: answered 404 naming {@code municipality}, as if there were none. */
    public static class NotYourMunicipality extends RuntimeException {
        public NotYourMunicipality(String municipality) {
            super("nothing is recorded for municipality " + municipality);
        }
    }

    private final CaseOwners owners;
    private final AccessLog accessLog;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    public Tenancy(CaseOwners owners, AccessLog accessLog, MeterRegistry meters) {
        this.owners = owners;
        this.accessLog = accessLog;
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Class<?> controller = method.getBeanType();
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = path == null ? null : path.get("id");
        // A malformed id is refused by the handler (400), for its form alone, whoever owns what.
        if (CASE_CONTROLLERS.contains(controller) && id != null && WELL_FORMED_ID.matcher(id).matches()) {
            Caller caller = tenant();
            CaseOwners.Owner owner = owners.of(id).orElseThrow(() -> new AggregateNotFoundException(id, "no case " + id));
            if (!owner.municipality().equals(caller.municipality())) {
                refuse(caller, request, owner.municipality());
                throw new AggregateNotFoundException(id, "no case " + id);
            }
            if ("GET".equals(request.getMethod()) && controller != AccessLogController.class) {
                accessLog.record(caller, owner, endpoint(request), purpose(request, caller));
            }
        } else if (controller == AdminController.class && id != null && WELL_FORMED_ID.matcher(id).matches()) {
            // An erasure of a case's citizen (POST /admin/cases/{id}/citizen-erasure): an administrator of a
            // municipality reaches only its cases; an operations administrator without one serves every municipality.
            Caller caller = Caller.current().orElseThrow(() -> new IllegalStateException("an admin endpoint without a caller"));
            if (caller.municipality() != null) {
                CaseOwners.Owner owner = owners.of(id).orElseThrow(() -> new AggregateNotFoundException(id, "no case " + id));
                if (!owner.municipality().equals(caller.municipality())) {
                    refuse(caller, request, owner.municipality());
                    throw new AggregateNotFoundException(id, "no case " + id);
                }
            }
        } else if (controller == AdminController.class && path != null && path.containsKey("municipality")) {
            Caller caller = tenant();
            String municipality = path.get("municipality");
            if (!municipality.equals(caller.municipality())) {
                refuse(caller, request, municipality);
                throw new NotYourMunicipality(municipality);
            }
        } else if ("POST".equals(request.getMethod()) && OPENING.contains(request.getRequestURI())) {
            Caller caller = tenant();
            String municipality = bodyMunicipality(request);
            if (municipality != null && !municipality.equals(caller.municipality())) {
                refuse(caller, request, municipality);
                throw new BadInput("municipality", "is your own municipality (" + caller.municipality() + ")");
            }
        }
        return true;
    }

    /** A handler whose reads are recorded in the access log: its path variable {@code id} names a case or one of its aggregates. */
    public static boolean isLoggedCaseRead(HandlerMethod handler) {
        return CASE_CONTROLLERS.contains(handler.getBeanType()) && handler.getBeanType() != AccessLogController.class;
    }

    /**
     * The municipality a queue query may see: the caller's, whatever the parameters say. A request
     * for another is logged as a security event and gets nothing (empty: answer an empty page).
     */
    public java.util.Optional<String> scope(String requested, HttpServletRequest request) {
        Caller caller = tenant();
        if (requested != null && !requested.equals(caller.municipality())) {
            refuse(caller, request, requested);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(caller.municipality());
    }

    private static Caller tenant() {
        Caller caller = Caller.current().orElseThrow(() -> new IllegalStateException("a tenant-bound endpoint without a caller"));
        if (caller.municipality() == null) {
            throw new NoMunicipality();
        }
        return caller;
    }

    private void refuse(Caller caller, HttpServletRequest request, String targetMunicipality) {
        meters.counter("grants.security.cross.municipality").increment();
        SECURITY.warn("security event: cross-municipality attempt refused: actor={} municipality={} {} {} (target municipality {})",
                caller.actor(), caller.municipality(), request.getMethod(), request.getRequestURI(), targetMunicipality);
    }

    private static String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String format = request.getParameter("format");
        String accept = request.getHeader("Accept");
        boolean export = "csv".equalsIgnoreCase(format) || accept != null && accept.contains("text/csv") && !accept.contains("json");
        return request.getMethod() + " " + pattern + (export ? " (csv export)" : "");
    }

    private static String purpose(HttpServletRequest request, Caller caller) {
        String purpose = request.getHeader(PURPOSE);
        if (purpose == null || purpose.isBlank()) {
            return caller.defaultPurpose();
        }
        String problem = InputRules.problemWith(purpose, false, 200);
        if (problem != null) {
            throw new BadInput(PURPOSE, "is one line of at most 200 characters; it " + problem);
        }
        return purpose;
    }

    private String bodyMunicipality(HttpServletRequest request) {
        RequestLimitsFilter.CachedBody body = WebUtils.getNativeRequest(request, RequestLimitsFilter.CachedBody.class);
        if (body == null) {
            return null;
        }
        try {
            JsonNode m = json.readTree(body.body()).path("municipality");
            return m.isString() ? m.asString() : null;
        } catch (RuntimeException e) {
            // Not JSON: the handler refuses it for that.
            return null;
        }
    }
}
