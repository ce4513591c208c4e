package dk.grantlifecycle.api.web;

import dk.grantlifecycle.domain.assessment.AssessmentCommands.CompleteAssessment;
import dk.grantlifecycle.domain.assessment.Evidence;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.shared.AssessmentId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The VUM assessment of an application. */
@RestController
@RequestMapping("/assessments")
public class AssessmentController {

    private final Commands commands;

    public AssessmentController(Commands commands) {
        this.commands = commands;
    }

    public record CompletionRequest(LocalDate completedOn,
                                    @Schema(example = "{\"PRACTICAL_TASKS\": 2, \"HEALTH\": \"NOT_ASSESSED\"}",
                                            description = "VUM level per theme: 0-4, A-E or NOT_ASSESSED")
                                    @NotEmpty Map<String, VumLevel> scores, @NotNull List<Evidence> evidence,
                                    boolean madeWithCitizen, String withoutCitizenReason) {
    }

    @PostMapping("/{id}/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void complete(@PathVariable String id, @Valid @RequestBody CompletionRequest r, Actor actor) {
        commands.send(new CompleteAssessment(AssessmentId.of(id), commands.happenedOn(r.completedOn(), "completedOn"),
                r.scores(), r.evidence(), r.madeWithCitizen(), r.withoutCitizenReason(), null), actor);
    }
}
