package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.projections.DstReports;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dk.grantlifecycle.domain.application.ApplicationCommands.EraseCitizenData;
import dk.grantlifecycle.domain.shared.ApplicationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Replays of projections, erasure of a citizen's personal data, and the monthly report to Danmarks Statistik (DST-REPORT). */
@RestController
public class AdminController {

    private final ProjectionReplay replay;
    private final DstReports dst;

    private final Commands commands;

    public AdminController(ProjectionReplay replay, DstReports dst, Commands commands) {
        this.replay = replay;
        this.dst = dst;
        this.commands = commands;
    }

    /** Why the citizen's data is erased, and the archive authority's permission where the case is still retained. */
    public record ErasureRequest(@NotNull @Size(min = 1, max = 2000) String reason, @Size(max = 256) String archivePermission) {
    }

    /**
     * NO-DELETE-WITHOUT-ARCHIVE, PII-NOT-IN-CLEAR: erases the personal data (CPR number, name) of the
     * case's citizen by destroying the citizen's data key (crypto-shredding). The case, its deadlines and
     * its history stay; the erasure is recorded as {@code CitizenDataErased} in the audit trail. Every case
     * of the same citizen reads as erased afterwards. Refused (422) while the case is under its retention
     * rule unless {@code archivePermission} names the archive authority's permission. Cannot be undone.
     */
    @PostMapping("/admin/cases/{id}/citizen-erasure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void eraseCitizenData(@PathVariable String id, @Valid @RequestBody ErasureRequest r, Actor actor) {
        commands.send(new EraseCitizenData(ApplicationId.of(id), commands.today(), r.reason(), r.archivePermission()), actor);
    }

    @GetMapping("/admin/replays")
    public List<ProjectionReplay.Progress> replays() {
        return ProjectionReplay.PROJECTIONS.stream().map(replay::progress).toList();
    }

    @GetMapping("/admin/replays/{projection}")
    public ProjectionReplay.Progress replayProgress(@PathVariable String projection) {
        known(projection);
        return replay.progress(projection);
    }

    /** Rebuilds the projection from the first event; progress at GET /admin/replays/{projection}. */
    @PostMapping("/admin/replays/{projection}")
    @ApiResponse(responseCode = "202", description = "the replay started; follow it at GET /admin/replays/{projection}", useReturnTypeSchema = true)
    public ResponseEntity<ProjectionReplay.Progress> startReplay(@PathVariable String projection, Actor actor) {
        known(projection);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replay.start(projection));
    }

    @GetMapping("/reports/dst/{municipality}/{month}/preview")
    public DstReports.Report preview(@PathVariable String municipality, @PathVariable String month) {
        return dst.preview(municipality, month(month));
    }

    @GetMapping("/reports/dst/{municipality}/{month}")
    public List<DstReports.Report> produced(@PathVariable String municipality, @PathVariable String month) {
        return dst.produced(municipality, month(month));
    }

    /** Produces the month's report: everything not reported before; earlier months' late movements as corrections. */
    @PostMapping("/reports/dst/{municipality}/{month}")
    @ApiResponse(responseCode = "201", description = "the report, now produced", useReturnTypeSchema = true)
    public ResponseEntity<DstReports.Report> produce(@PathVariable String municipality, @PathVariable String month, Actor actor) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dst.produce(municipality, month(month), actor.id()));
    }

    private static void known(String projection) {
        if (!ProjectionReplay.PROJECTIONS.contains(projection)) {
            throw new BadInput("projection", "one of " + ProjectionReplay.PROJECTIONS);
        }
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadInput("month", "a month as yyyy-mm");
        }
    }
}
