package nl.wijkroute.route.step;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a worker submits to complete a route task. The {@code step} property names the task
 * definition key; {@link StepInputTypes} registers one type per {@link StepHandler}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "step")
public interface StepInput {

    /** Why the worker takes this step; required where the step goes back or ends support. */
    String reason();
}
