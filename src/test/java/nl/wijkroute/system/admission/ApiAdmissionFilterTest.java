package nl.wijkroute.system.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.wijkroute.system.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The admission on its own (decision 0068): a limit, arrival order, a bounded wait, a turn always given back. */
class ApiAdmissionFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void requestsBeyondTheLimitWaitAndAreAdmittedInArrivalOrder() throws Exception {
        ApiAdmissionFilter filter = new ApiAdmissionFilter(1, 10, Duration.ofSeconds(10), new ProblemWriter(json), meters);
        List<String> admitted = new CopyOnWriteArrayList<>();
        Held first = holdTheOnlyTurn(filter, admitted);
        List<Thread> waiting = new java.util.ArrayList<>();
        for (String name : List.of("second", "third", "fourth")) {
            waiting.add(request(filter, name, admitted, () -> { }));
            awaitWaiting(waiting.size()); // each is queued before the next arrives
        }
        assertThat(admitted).containsExactly("first");
        assertThat(meters.get("wijkroute.api.admission.active").gauge().value()).isEqualTo(1.0);

        first.end();
        for (Thread thread : waiting) {
            thread.join(5000);
        }
        assertThat(admitted).containsExactly("first", "second", "third", "fourth");
        assertThat(meters.get("wijkroute.api.admission.waiting").gauge().value()).isZero();
        assertThat(meters.get("wijkroute.api.admission.active").gauge().value()).isZero();
        assertThat(meters.get("wijkroute.api.admission.rejected").counters()).allMatch(counter -> counter.count() == 0);
    }

    @Test
    void aRequestThatWaitsTooLongIsAnswered503WithRetryAfterAndNeverReachesTheChain() throws Exception {
        ApiAdmissionFilter filter = new ApiAdmissionFilter(1, 10, Duration.ofMillis(1500), new ProblemWriter(json), meters);
        Held first = holdTheOnlyTurn(filter, new CopyOnWriteArrayList<>());

        Sent sent = send(filter);
        MockHttpServletResponse response = sent.response();

        assertThat(sent.reachedTheChain()).isFalse();
        assertThat(sent.tookMillis()).isGreaterThanOrEqualTo(1400);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).as("as long as it waited, rounded up").isEqualTo("2");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).contains("overbelast");
        assertThat(meters.get("wijkroute.api.admission.rejected").tag("reason", "waited-too-long").counter().count())
                .isEqualTo(1.0);

        first.end();
        assertThat(meters.get("wijkroute.api.admission.active").gauge().value()).isZero();
    }

    @Test
    void aRequestThatFindsTheQueueFullIsAnswered503AtOnce() throws Exception {
        ApiAdmissionFilter filter = new ApiAdmissionFilter(1, 1, Duration.ofSeconds(10), new ProblemWriter(json), meters);
        List<String> admitted = new CopyOnWriteArrayList<>();
        Held first = holdTheOnlyTurn(filter, admitted);
        Thread second = request(filter, "second", admitted, () -> { });
        awaitWaiting(1);

        Sent sent = send(filter);
        MockHttpServletResponse response = sent.response();

        assertThat(sent.reachedTheChain()).isFalse();
        assertThat(sent.tookMillis()).as("refused without waiting max-wait").isLessThan(5_000);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(meters.get("wijkroute.api.admission.rejected").tag("reason", "queue-full").counter().count())
                .isEqualTo(1.0);

        first.end();
        second.join(5000);
        assertThat(admitted).as("the one that was waiting still got its turn").containsExactly("first", "second");
    }

    @Test
    void withNoRoomToWaitOnlyAFreeTurnIsTaken() throws Exception {
        ApiAdmissionFilter filter = new ApiAdmissionFilter(1, 0, Duration.ofSeconds(10), new ProblemWriter(json), meters);
        assertThat(send(filter).reachedTheChain()).as("a free turn is taken without waiting").isTrue();

        Held first = holdTheOnlyTurn(filter, new CopyOnWriteArrayList<>());
        Sent refused = send(filter);
        assertThat(refused.tookMillis()).as("refused without waiting").isLessThan(5_000);
        assertThat(refused.response().getStatus()).isEqualTo(503);
        assertThat(meters.get("wijkroute.api.admission.rejected").tag("reason", "queue-full").counter().count())
                .isEqualTo(1.0);
        first.end();
    }

    @Test
    void aRequestThatFailsGivesItsTurnBack() throws Exception {
        ApiAdmissionFilter filter = new ApiAdmissionFilter(1, 10, Duration.ofMillis(100), new ProblemWriter(json), meters);
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/signals"),
                new MockHttpServletResponse(), failing)).hasMessage("boom");

        Sent next = send(filter);
        assertThat(next.reachedTheChain()).isTrue();
        assertThat(next.response().getStatus()).isEqualTo(200);
    }

    @Test
    void theLimitIsTwiceTheProcessorsAndTheWaitingWhatTomcatsThreadsLeaveUnlessConfigured() {
        ApiAdmissionProperties defaults = new ApiAdmissionProperties(0, null, Duration.ofSeconds(10));
        assertThat(defaults.limit(2)).isEqualTo(4);
        assertThat(defaults.limit(16)).isEqualTo(32);
        assertThat(new ApiAdmissionProperties(6, null, Duration.ofSeconds(10)).limit(2)).isEqualTo(6);
        assertThat(defaults.waiting(4, 200)).as("200 threads - 4 running - 20 kept free").isEqualTo(176);
        assertThat(defaults.waiting(190, 200)).isZero();
        assertThat(new ApiAdmissionProperties(0, 50, Duration.ofSeconds(10)).waiting(4, 200)).isEqualTo(50);
        assertThatThrownBy(() -> new ApiAdmissionProperties(0, 177, Duration.ofSeconds(10)).waiting(4, 200))
                .hasMessageContaining("max-waiting");
        assertThatThrownBy(() -> new ApiAdmissionProperties(-1, null, Duration.ofSeconds(10)))
                .hasMessageContaining("max-concurrent");
        assertThatThrownBy(() -> new ApiAdmissionProperties(0, -1, Duration.ofSeconds(10)))
                .hasMessageContaining("max-waiting");
        assertThatThrownBy(() -> new ApiAdmissionProperties(0, null, Duration.ofSeconds(-1)))
                .hasMessageContaining("max-wait");
    }

    /** A request that holds the filter's only turn until {@link Held#end()}. */
    private Held holdTheOnlyTurn(ApiAdmissionFilter filter, List<String> admitted) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = request(filter, "first", admitted, () -> {
            holding.countDown();
            await(release);
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return new Held(thread, release);
    }

    private record Held(Thread thread, CountDownLatch release) {
        void end() throws InterruptedException {
            release.countDown();
            thread.join(5000);
        }
    }

    private Thread request(ApiAdmissionFilter filter, String name, List<String> admitted, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/tasks"), new MockHttpServletResponse(),
                        (req, res) -> {
                            admitted.add(name);
                            work.run();
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "admission-" + name);
        thread.start();
        return thread;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (meters.get("wijkroute.api.admission.waiting").gauge().value() < count) {
            assertThat(System.nanoTime()).as("%d requests waiting", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request through the filter on this thread: its answer, whether it reached the chain, how long it took. */
    private record Sent(MockHttpServletResponse response, boolean reachedTheChain, long tookMillis) {
    }

    private static Sent send(ApiAdmissionFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] reached = {false};
        long start = System.nanoTime();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/tasks"), response, (req, res) -> reached[0] = true);
        return new Sent(response, reached[0], (System.nanoTime() - start) / 1_000_000);
    }
}
