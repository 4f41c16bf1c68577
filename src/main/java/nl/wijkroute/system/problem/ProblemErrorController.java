package nl.wijkroute.system.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): what a filter or {@code sendError} ends with is
 * problem+json whatever the client accepts, instead of Spring Boot's JSON or HTML error page. It names
 * the status only; exception messages may carry personal data.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        problems.write(response, status, switch (status) {
            case NOT_FOUND -> "Deze bron bestaat niet.";
            case UNAUTHORIZED -> "Niet ingelogd: stuur een bearer token mee.";
            case FORBIDDEN -> "Je rol geeft geen toegang tot deze handeling.";
            default -> status.is4xxClientError() ? "Het verzoek is ongeldig en is niet verwerkt."
                    : "Er ging iets mis aan onze kant.";
        });
    }
}
