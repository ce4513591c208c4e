package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.projections.AsOfHistory;
import dk.grantlifecycle.projections.AuditTrail;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What auditors use: a case's audit trail (JSON or CSV) and the case as it was known at an instant. */
@RestController
public class AuditController {

    private final AuditTrail trail;
    private final AsOfHistory history;

    public AuditController(AuditTrail trail, AsOfHistory history) {
        this.trail = trail;
        this.history = history;
    }

    /** The trail, oldest first; {@code format=csv} (or Accept: text/csv) exports it. */
    @GetMapping(value = "/cases/{id}/audit", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> audit(@PathVariable String id, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to, @RequestParam(required = false) String actor,
                                   @RequestParam(required = false) String type, @RequestParam(defaultValue = "json") String format,
                                   @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<AuditTrail.Entry> entries = trail.ofCase(ApplicationId.of(id).value(), from, to, actor, type);
        boolean csv = "csv".equalsIgnoreCase(format) || accept != null && accept.contains("text/csv") && !accept.contains("json");
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + id + ".csv\"")
                    .body(AuditTrail.csv(entries));
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw new BadInput("format", "json or csv");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }

    /**
     * The case as known at {@code at}: an ISO instant, or a date meaning the end of that day in
     * Copenhagen. Rebuilt from the event store.
     */
    @GetMapping("/cases/{id}/as-of")
    public AsOfHistory.CaseAsOf asOf(@PathVariable String id, @RequestParam String at) {
        Instant instant = instant(at);
        return history.caseAsOf(ApplicationId.of(id).value(), instant)
                .orElseThrow(() -> new AggregateNotFoundException(id, "nothing was known of case " + id + " at " + at));
    }

    private Instant instant(String at) {
        try {
            if (at.length() == 10) {
                return LocalDate.parse(at).atTime(java.time.LocalTime.MAX).atZone(Copenhagen.ZONE).toInstant();
            }
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadInput("at", "an ISO instant (2026-03-02T12:00:00Z) or a date (2026-03-02)");
        }
    }
}
