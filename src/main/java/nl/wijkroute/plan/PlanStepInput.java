package nl.wijkroute.plan;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import nl.wijkroute.route.step.AsksSafety;
import nl.wijkroute.route.step.OutcomeInput;
import nl.wijkroute.route.step.SafetyAnswer;

/**
 * Completing the plan step; the first evaluation date becomes the due date of regie. On a case that ever had
 * a safety concern the safety question is answered per member (safety.SafetyCheckGate).
 */
public record PlanStepInput(@NotNull PlanOutcome outcome, @Future LocalDate firstEvaluationDate,
                            @Size(max = 2000) String reason,
                            @Valid @Size(max = 20) List<@NotNull @Valid SafetyAnswer> safetyCheck,
                            Boolean lastingRisk) implements OutcomeInput<PlanOutcome>, AsksSafety {
}
