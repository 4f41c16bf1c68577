package nl.wijkroute.route.step;

import java.util.Map;

/** Input of a step that branches on an outcome. */
public interface OutcomeInput<E extends Enum<E>> extends StepInput {

    E outcome();

    /** Extra variables the route needs (e.g. the next evaluation date); validated before this is called. */
    default Map<String, Object> extraVariables() {
        return Map.of();
    }
}
