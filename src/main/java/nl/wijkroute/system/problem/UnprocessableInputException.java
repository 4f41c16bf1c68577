package nl.wijkroute.system.problem;

/**
 * Input that is well-formed and valid on its own but cannot be processed in this combination, such as
 * an Idempotency-Key reused for another request: 422 rather than 400, as the IETF HTTPAPI
 * Idempotency-Key draft asks.
 */
public class UnprocessableInputException extends InvalidInputException {

    public UnprocessableInputException(String field, String message) {
        super(field, message);
    }
}
