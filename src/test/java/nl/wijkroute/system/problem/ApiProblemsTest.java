package nl.wijkroute.system.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The catch-all answers of {@link ApiProblems}: an unexpected error is a 500, a lock not granted a 503 (decision 0070). */
class ApiProblemsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiProblems problems = new ApiProblems(Duration.ofSeconds(10), meters);

    /** Most unexpected errors carry no SQLException at all (the review found the SQLSTATE check threw on those). */
    @Test
    void anUnexpectedErrorWithoutASqlCauseIs500WithoutItsMessage() throws Exception {
        ResponseEntity<Object> answer = problems.unexpected(new IllegalStateException("BSN 123456782 in de melding"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("123456782");
    }

    @Test
    void aLockTimeoutDeepInsideAnotherExceptionIs503WithRetryAfter() throws Exception {
        Exception engine = new RuntimeException("engine", new RuntimeException("mybatis",
                new SQLException("canceling statement due to lock timeout", "55P03")));
        ResponseEntity<Object> answer = problems.unexpected(engine);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(meters.counter("wijkroute.database.lock.not.granted").count()).isEqualTo(1.0);
    }

    @Test
    void anotherSqlErrorIsStill500() throws Exception {
        ResponseEntity<Object> answer = problems.unexpected(new RuntimeException(new SQLException("unique", "23505")));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(meters.counter("wijkroute.database.lock.not.granted").count()).isZero();
    }
}
