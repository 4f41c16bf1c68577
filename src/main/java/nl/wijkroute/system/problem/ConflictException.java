package nl.wijkroute.system.problem;

/** The request is valid but clashes with the current state (claimed by someone else, stale version). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
