package dk.grantlifecycle.api.security;

import dk.grantlifecycle.api.web.BadInput;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * ACCESS-LOG: an auditor lists the look-ups of a case, or of a citizen by their pseudonymous id,
 * in a period, so the municipality can answer an insight request (GDPR art. 15). Scoped to the
 * auditor's municipality: another municipality's case is not there (404, {@link Tenancy}), and a
 * citizen's list holds only the look-ups of the auditor's municipality. Reading the log is not
 * itself logged as a read of the case.
 */
@RestController
public class AccessLogController {

    private final AccessLog log;

    public AccessLogController(AccessLog log) {
        this.log = log;
    }

    @Operation(summary = "ACCESS-LOG: the look-ups of a case in a period, oldest first")
    @GetMapping("/cases/{id}/access-log")
    public List<AccessLog.Entry> ofCase(@PathVariable String id, @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to) {
        // Tenancy has checked that the case is the caller's municipality's.
        return log.search(municipality(from, to), id, null, from, to);
    }

    @Operation(summary = "ACCESS-LOG: the look-ups of a citizen's cases (by their pseudonymous id) in a period, oldest first")
    @GetMapping("/citizens/{citizenId}/access-log")
    public List<AccessLog.Entry> ofCitizen(@PathVariable String citizenId, @RequestParam(required = false) Instant from,
                                           @RequestParam(required = false) Instant to) {
        return log.search(municipality(from, to), null, citizenId, from, to);
    }

    private static String municipality(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new BadInput("to", "is after from");
        }
        Caller caller = Caller.current().orElseThrow();
        if (caller.municipality() == null) {
            throw new Tenancy.NoMunicipality();
        }
        return caller.municipality();
    }
}
