package nl.wijkroute.system.problem;

/** A referenced resource does not exist (or the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String message) {
        this(message, null);
    }

    /** @param field the input field that named the missing resource, for problem+json {@code errors} */
    public NotFoundException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
