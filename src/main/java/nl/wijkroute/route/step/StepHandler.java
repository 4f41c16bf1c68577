package nl.wijkroute.route.step;

import java.util.Map;
import java.util.UUID;

/**
 * Turns the validated input for one task definition key into the variables the route's gateways
 * read, plus whatever the owning capability records. Runs in the completing transaction.
 * The handler never picks the next step: the BPMN does, from these variables.
 */
public interface StepHandler<I extends StepInput> {

    /** The task definition key in {@code bpmn/routekaart.bpmn}; also the {@code step} value in JSON. */
    String taskKey();

    Class<I> inputType();

    /**
     * @return the process variables to complete the task with
     * @throws nl.wijkroute.system.problem.InvalidInputException naming the field when a rule is broken
     */
    Map<String, Object> apply(UUID caseId, String actor, I input);
}
