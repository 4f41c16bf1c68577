package nl.wijkroute.safety;

import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety task after a new safety signal on an open case records the safety check. It moves nothing:
 * the task runs beside the route (decision 0048), so the step, a toegang term or a warme overdracht in
 * progress go on; where someone is not safe the team says what it did, and the next plan or evaluatie
 * sends the route to veiligheid while the answer stays "no".
 */
@Component
class SafetyCheckSignalStep implements StepHandler<SafetyCheckSignalInput> {

    private final SafetyCheckService checks;

    SafetyCheckSignalStep(SafetyCheckService checks) {
        this.checks = checks;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.VEILIGHEID_NIEUW_SIGNAAL;
    }

    @Override
    public Class<SafetyCheckSignalInput> inputType() {
        return SafetyCheckSignalInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, SafetyCheckSignalInput input) {
        boolean someoneUnsafe = input.safetyCheck() != null
                && input.safetyCheck().stream().anyMatch(answer -> Boolean.FALSE.equals(answer.safe()));
        if (someoneUnsafe && (input.reason() == null || input.reason().isBlank())) {
            throw new InvalidInputException("reason", "Iemand is niet veilig: leg vast wat er nu gebeurt (bijv. Veilig Thuis, crisisdienst).");
        }
        checks.record(caseId, taskKey(), input.safetyCheck(), input.lastingRisk(), actor);
        return Map.of();
    }
}
