package nl.wijkroute.plan;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Completing the plan step: on to regie once the household agreed to the plan, or back to vraagverheldering. */
@Component
class PlanStep implements StepHandler<PlanStepInput> {


    private final PlanService plans;

    PlanStep(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.PLAN;
    }

    @Override
    public Class<PlanStepInput> inputType() {
        return PlanStepInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, PlanStepInput input) {
        if (input.outcome() == PlanOutcome.BACK_TO_VRAAGVERHELDERING) {
            if (input.reason() == null || input.reason().isBlank()) {
                throw new InvalidInputException("reason", "Een reden is verplicht om terug te gaan naar vraagverheldering.");
            }
            return Map.of("planOutcome", input.outcome().name());
        }
        if (input.firstEvaluationDate() == null) {
            throw new InvalidInputException("firstEvaluationDate", "Een evaluatiedatum is verplicht.");
        }
        if (!plans.isAgreed(caseId)) {
            throw new InvalidInputException("plan", "Het plan is (in deze versie) nog niet met het huishouden afgesproken.");
        }
        return Map.of("planOutcome", input.outcome().name(), RouteVariables.NEXT_EVALUATION_DATE,
                Date.from(input.firstEvaluationDate().atStartOfDay(MunicipalTime.ZONE).toInstant()));
    }
}
