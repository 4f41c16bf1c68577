package nl.wijkroute.safety;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.OutcomeStep;
import nl.wijkroute.route.step.RouteSteps;
import nl.wijkroute.route.step.StepHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completing the route's veiligheid step: only once step 5 of the meldcode (melden and/or hulp
 * organiseren) is decided, then on as the outcome says.
 */
@Component
class VeiligheidStep implements StepHandler<RouteSteps.VeiligheidInput> {

    private final OutcomeStep<RouteSteps.VeiligheidInput, RouteSteps.VeiligheidOutcome> outcome = new OutcomeStep<>(
            RoutekaartIds.VEILIGHEID, RouteSteps.VeiligheidInput.class, "veiligheidOutcome",
            EnumSet.of(RouteSteps.VeiligheidOutcome.SPECIALIST_TOOK_OVER));
    private final MeldcodeService meldcode;

    VeiligheidStep(MeldcodeService meldcode) {
        this.meldcode = meldcode;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.VEILIGHEID;
    }

    @Override
    public Class<RouteSteps.VeiligheidInput> inputType() {
        return RouteSteps.VeiligheidInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, RouteSteps.VeiligheidInput input) {
        Map<String, Object> variables = outcome.apply(caseId, actor, input);
        meldcode.requireDecision(caseId);
        return variables;
    }
}
