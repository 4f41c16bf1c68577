package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.step.AsksSafety;
import nl.wijkroute.route.step.OutcomeInput;
import nl.wijkroute.route.step.RouteSteps;
import nl.wijkroute.route.step.RouteSteps.EvaluatieOutcome;
import nl.wijkroute.route.step.SafetyAnswer;

/**
 * Evaluatie with the household (routekaart step 8): adjust the plan, continue until the next evaluation, or
 * close; and the zelfredzaamheid per member and leefgebied recorded again, so the change since the
 * vraagverheldering shows (decision 0045). The scores are optional for clients that only move the step. On a
 * case that ever had a safety concern the safety question is answered per member (safety.SafetyCheckGate).
 */
public record EvaluatieInput(@NotNull EvaluatieOutcome outcome,
                             @Future LocalDate nextEvaluationDate,
                             @Size(max = 2000) String reason,
                             @Schema(description = "De zelfredzaamheid opnieuw, per lid en leefgebied (moment EVALUATIE)")
                             @Size(max = 300) List<@NotNull @Valid AssessmentCell> assessments,
                             @Schema(description = "Op een casus die ooit een veiligheidszorg had: per gezinslid veilig ja/nee en hoe we dat weten")
                             @Valid @Size(max = 20) List<@NotNull @Valid SafetyAnswer> safetyCheck,
                             Boolean lastingRisk)
        implements OutcomeInput<EvaluatieOutcome>, AsksSafety {

    @Override
    public Map<String, Object> extraVariables() {
        if (outcome == EvaluatieOutcome.CONTINUE) {
            return Map.of(RouteVariables.NEXT_EVALUATION_DATE, RouteSteps.evaluationDate("nextEvaluationDate", nextEvaluationDate));
        }
        return Map.of();
    }
}
