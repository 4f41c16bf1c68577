package nl.wijkroute.plan;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.wijkroute.route.step.OutcomeInput;

/** Completing the plan step; the first evaluation date becomes the due date of regie. */
public record PlanStepInput(@NotNull PlanOutcome outcome, @Future LocalDate firstEvaluationDate,
                            @Size(max = 2000) String reason) implements OutcomeInput<PlanOutcome> {
}
