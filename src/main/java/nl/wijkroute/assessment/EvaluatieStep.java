package nl.wijkroute.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.OutcomeStep;
import nl.wijkroute.route.step.RouteSteps.EvaluatieOutcome;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluatie step: the route's outcome (as every outcome step) plus the scores recorded again in the
 * assessment history. A partner holding regie records only the leefgebieden the household shared with it.
 */
@Component
class EvaluatieStep implements StepHandler<EvaluatieInput> {

    private final OutcomeStep<EvaluatieInput, EvaluatieOutcome> outcome = new OutcomeStep<>(RoutekaartIds.EVALUATIE,
            EvaluatieInput.class, "evaluatieOutcome", EnumSet.of(EvaluatieOutcome.ADJUST_PLAN, EvaluatieOutcome.CLOSE));

    private final AssessmentService assessments;
    private final CaseAccess access;

    EvaluatieStep(AssessmentService assessments, CaseAccess access) {
        this.assessments = assessments;
        this.access = access;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.EVALUATIE;
    }

    @Override
    public Class<EvaluatieInput> inputType() {
        return EvaluatieInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, EvaluatieInput input) {
        Map<String, Object> variables = outcome.apply(caseId, actor, input);
        if (input.assessments() != null && !input.assessments().isEmpty()) {
            var limits = access.consentLimits(caseId);
            if (limits.isPresent()) {
                for (int i = 0; i < input.assessments().size(); i++) {
                    if (!limits.get().leefgebieden().contains(input.assessments().get(i).leefgebied().name())) {
                        throw new InvalidInputException("assessments[" + i + "].leefgebied",
                                "Dit leefgebied valt buiten wat het huishouden met uw organisatie deelt.");
                    }
                }
                access.logInvolved(java.util.List.of(caseId), DataCategory.ASSESSMENT, AccessAction.UPDATE);
            } else {
                access.require(caseId, DataCategory.ASSESSMENT, AccessAction.UPDATE);
            }
            assessments.recordEvaluation(caseId, input.assessments(), actor, "assessments");
        }
        return variables;
    }
}
