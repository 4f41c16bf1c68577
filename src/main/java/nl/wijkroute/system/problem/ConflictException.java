package nl.wijkroute.system.problem;

import java.util.Map;

/** The request is valid but clashes with the current state (claimed by someone else, stale version). */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /** @param details extra problem+json members, e.g. the current version the client should build on */
    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
