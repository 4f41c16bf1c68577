package nl.wijkroute.route.step;

import java.util.Map;
import java.util.UUID;

/**
 * A rule that applies across steps, checked when any route task is completed, after the step's own
 * handler and in the same transaction. It may refuse the input (an
 * {@link nl.wijkroute.system.problem.InvalidInputException} naming the field), record what its module owns,
 * and add process variables the BPMN's gateways read. The route calls every registered check, so a
 * capability plugs in a cross-step rule (e.g. the safety question at plan and evaluatie) without the
 * route depending on it.
 */
public interface StepCompletionCheck {

    /** @return extra process variables for completing the task (empty when the rule does not apply) */
    Map<String, Object> check(UUID caseId, String taskKey, String actor, StepInput input);
}
