package nl.wijkroute.route.step;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry: one handler per task definition key. */
@Component
public class StepHandlers {

    private final Map<String, StepHandler<?>> byTaskKey;

    StepHandlers(List<StepHandler<?>> handlers) {
        this.byTaskKey = handlers.stream().collect(Collectors.toUnmodifiableMap(StepHandler::taskKey, Function.identity()));
    }

    @SuppressWarnings("unchecked")
    public <I extends StepInput> StepHandler<I> forTask(String taskKey) {
        StepHandler<?> handler = byTaskKey.get(taskKey);
        if (handler == null) {
            throw new IllegalStateException("No step handler for task " + taskKey);
        }
        return (StepHandler<I>) handler;
    }

    /** The step name that a payload must carry for a task key (they are the same by design). */
    public boolean accepts(String taskKey, StepInput input) {
        StepHandler<?> handler = byTaskKey.get(taskKey);
        return handler != null && handler.inputType().isInstance(input);
    }
}
