package nl.wijkroute.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** At evaluatie: was this goal of the plan attained? */
@RestController
@Tag(name = "Plan")
class GoalEvaluationController {

    private final GoalEvaluationService evaluations;

    GoalEvaluationController(GoalEvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping("/api/v1/cases/{caseId}/plan/goals/{goalId}/evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Leg bij de evaluatie vast of een doel is bereikt (ATTAINED, PARTLY, NOT_ATTAINED)")
    GoalEvaluationDtos.View evaluate(@PathVariable UUID caseId, @PathVariable UUID goalId,
                                               @Valid @RequestBody GoalEvaluationDtos.Input input, CurrentUser user) {
        return evaluations.record(caseId, goalId, input, user.username());
    }
}
