package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.projections.DstReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Replays of projections, and the monthly report to Danmarks Statistik (DST-REPORT). */
@RestController
public class AdminController {

    private final ProjectionReplay replay;
    private final DstReports dst;

    public AdminController(ProjectionReplay replay, DstReports dst) {
        this.replay = replay;
        this.dst = dst;
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
