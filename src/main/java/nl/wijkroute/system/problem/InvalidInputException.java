package nl.wijkroute.system.problem;

/** Input that is well-formed but breaks a rule that Bean Validation cannot see on its own. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
