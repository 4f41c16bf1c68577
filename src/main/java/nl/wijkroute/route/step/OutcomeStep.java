package nl.wijkroute.route.step;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.system.problem.InvalidInputException;

/**
 * A step whose input is an outcome the route branches on, plus a reason for the outcomes that go
 * back or end support. Steps with more content (triage; later vraagverheldering and plan) have
 * their own handler in their capability package.
 */
public class OutcomeStep<I extends OutcomeInput<E>, E extends Enum<E>> implements StepHandler<I> {

    private final String taskKey;
    private final Class<I> inputType;
    private final String outcomeVariable;
    private final Set<E> outcomesNeedingReason;

    public OutcomeStep(String taskKey, Class<I> inputType, String outcomeVariable, Set<E> outcomesNeedingReason) {
        this.taskKey = taskKey;
        this.inputType = inputType;
        this.outcomeVariable = outcomeVariable;
        this.outcomesNeedingReason = outcomesNeedingReason;
    }

    @Override
    public String taskKey() {
        return taskKey;
    }

    @Override
    public Class<I> inputType() {
        return inputType;
    }

    @Override
    public Map<String, Object> apply(UUID caseId, String actor, I input) {
        if (outcomesNeedingReason.contains(input.outcome()) && (input.reason() == null || input.reason().isBlank())) {
            throw new InvalidInputException("reason", "Een reden is verplicht bij uitkomst " + input.outcome() + ".");
        }
        Map<String, Object> variables = new HashMap<>(input.extraVariables());
        variables.put(outcomeVariable, input.outcome().name());
        return variables;
    }
}
