package nl.wijkroute.system;

/**
 * A start-up failure with a message a newcomer can act on; {@link StartupProblemFailureAnalyzer}
 * prints it as one clear message instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
