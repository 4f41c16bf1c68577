package nl.wijkroute.system.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that is well-formed but breaks a rule that Bean Validation cannot see on its own. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    /** Every field at fault with its message, in order; one entry unless a rule names several at once. */
    private final Map<String, String> fields;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.fields = Map.of(field, message);
    }

    /** A rule broken in several places at once (e.g. every empty cell of a grid), each named as a field. */
    public InvalidInputException(Map<String, String> fields) {
        super(String.join(" ", fields.values()));
        this.field = fields.keySet().iterator().next();
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field() {
        return field;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
