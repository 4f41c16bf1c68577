package nl.wijkroute.system.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json. Input errors list each field by name in {@code errors};
 * rejected values are never echoed back (they may be a BSN or a description of someone's life).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String INVALID_INPUT = "Ongeldige invoer";
    /** PostgreSQL's SQLSTATEs of a lock not granted: lock_timeout passed (55P03), a deadlock broken (40P01). */
    private static final Set<String> LOCK_NOT_GRANTED = Set.of("55P03", "40P01");

    /** Seconds a client is told to wait after a lock was not granted: the database's lock timeout (decision 0070). */
    private final String retryAfterSeconds;
    private final Counter locksNotGranted;

    ApiProblems(@Value("${wijkroute.database.lock-timeout}") Duration lockTimeout, MeterRegistry meters) {
        // 0: no timeout sent; one set elsewhere (the role's, behind PgBouncer) is unknown here, so the default's 10 s.
        this.retryAfterSeconds = ProblemWriter.retryAfterSeconds(lockTimeout.isZero() ? Duration.ofSeconds(10) : lockTimeout);
        this.locksNotGranted = Counter.builder("wijkroute.database.lock.not.granted")
                .description("API requests answered 503 because a lock was not granted within the lock timeout,"
                        + " or they lost a deadlock (decision 0070)")
                .register(meters);
    }

    /** One named field and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        parameterName(result.getMethodParameter(), error), error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidTypeIdException typeId) {
            String field = path(typeId).isEmpty() ? "step" : path(typeId) + ".step";
            return invalid(List.of(new FieldProblem(field, typeId.getTypeId() == null
                    ? "is verplicht (de naam van de stap van deze taak)"
                    : "onbekende stap '" + typeId.getTypeId() + "'")));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(path(unknown), "is geen bekend veld")));
        }
        if (cause instanceof InvalidFormatException format) {
            String message = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "onbekende waarde; toegestaan: " + Arrays.stream(format.getTargetType().getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", "))
                    : "heeft niet de juiste vorm (" + format.getTargetType().getSimpleName() + ")";
            return invalid(List.of(new FieldProblem(path(format), message)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mapping), "heeft niet de juiste vorm")));
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "Het verzoek is geen geldige JSON.", null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Het verzoek heeft geen leesbare inhoud.", null);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return invalid(List.of(new FieldProblem(header.getHeaderName(), "header is verplicht")));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "waarde" : ex.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(ex.getName(), "heeft niet de juiste vorm (" + expected + ")")));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex) {
        HttpStatus status = ex instanceof UnprocessableInputException
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return invalid(status, ex.fields().entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage(),
                ex.field() == null ? null : List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        ResponseEntity<Object> response = problem(HttpStatus.CONFLICT, ex.getMessage(), null);
        ex.details().forEach(((ProblemDetail) response.getBody())::setProperty);
        return response;
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, org.camunda.bpm.engine.OptimisticLockingException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException ex) {
        return problem(HttpStatus.CONFLICT, "Iemand anders heeft deze gegevens net gewijzigd; haal ze opnieuw op.", null);
    }

    /**
     * A statement waited longer than the database's lock timeout, or lost a deadlock (decision 0070): what it waited for
     * is held by other work (a migration, a long transaction, the same case being changed). Nothing was written (the
     * transaction rolled back), so the same request may simply be sent again. Through Hibernate this arrives as a
     * PessimisticLockingFailureException (as does a serialization failure, 40001, also worth a retry); through Spring's
     * JDBC templates and from inside the engine's commands as another exception around PostgreSQL's, which
     * {@link #unexpected} recognises by its SQLSTATE.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockNotGranted(Exception ex) {
        // Class and SQLSTATE only: the driver's message names the table and may quote a key value.
        log.warn("A lock was not granted in time: {} ({}); answered 503", ex.getClass().getName(), sqlState(ex));
        locksNotGranted.increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, headers, "Deze gegevens zijn op dit moment bezet door een andere"
                + " handeling; er is niets opgeslagen. Probeer het zo opnieuw.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex; // the security filter chain answers these as problem+json
        }
        String sqlState = sqlState(ex);
        if (sqlState != null && LOCK_NOT_GRANTED.contains(sqlState)) {
            return lockNotGranted(ex);
        }
        // Class and place only: messages of unexpected exceptions (SQL, values) may carry personal data.
        StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex);
        log.error("Unexpected error {} at {} (root cause {})", ex.getClass().getName(), where, root.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant.", null);
    }

    /** The SQLSTATE of the first SQLException among the causes, or null. */
    private static String sqlState(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        return invalid(HttpStatus.BAD_REQUEST, errors);
    }

    private ResponseEntity<Object> invalid(HttpStatus status, List<FieldProblem> errors) {
        return problem(status, INVALID_INPUT + ": " + errors.stream().map(FieldProblem::field)
                .distinct().collect(Collectors.joining(", ")), errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        return problem(status, HttpHeaders.EMPTY, detail, errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, HttpHeaders headers, String detail,
                                                  List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ex.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter, MessageSourceResolvable error) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        return parameter.getParameterName();
    }
}
