package nl.wijkroute.system.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkroute.system.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code limit} API requests work at once and queues the rest in arrival order (decision 0068).
 * <p>
 * Why: on a saturated machine every request that runs takes its share of the cores, so with 8 or 32 requests
 * running side by side each takes 4 to 16 times its own CPU time, and the heavy calls (a new signal, a completion)
 * are the ones that miss their latency target. Queued in arrival order, a request waits about as long as any other
 * and then runs at nearly its own speed: the route benchmark measured more steps per second at 32 clients and a
 * lower p95 for the heavy calls (docs/performance.md, "Admission"). A waiting request holds a Tomcat thread parked on the semaphore, no CPU and no
 * pooled connection. Only {@code /api/} is limited: health probes, metrics scrapes, the Cockpit and the dashboard's
 * static files never queue behind the API.
 * <p>
 * A request that waits longer than {@code maxWait}, or finds {@code maxWaiting} requests already waiting, is answered
 * 503 with {@code Retry-After} (problem+json): the service is overloaded and says so instead of letting the queue grow
 * without end. The bound on the waiting keeps Tomcat's other threads free for the probes, the scrape and the Cockpit.
 * A turned-away request never reached the security filters or a controller, so nothing was read, written or
 * access-logged.
 */
class ApiAdmissionFilter extends OncePerRequestFilter {

    /** Package-private: the HTTP-level test takes every turn to see a request wait and be turned away. */
    final Semaphore turns;
    private final int maxWaiting;
    /** Requests in {@link #tryTurn} now: the bound on the waiting is kept on this count. */
    private final AtomicInteger waitingNow = new AtomicInteger();
    private final long maxWaitNanos;
    /** Seconds a turned-away client should wait: as long as it just waited for nothing, at least one. */
    private final String retryAfterSeconds;
    private final ProblemWriter problems;
    private final Counter waitedTooLong;
    private final Counter queueFull;

    ApiAdmissionFilter(int limit, int maxWaiting, Duration maxWait, ProblemWriter problems, MeterRegistry meters) {
        this.turns = new Semaphore(limit, true); // fair: waiting requests are admitted in arrival order
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfterSeconds = ProblemWriter.retryAfterSeconds(maxWait);
        this.problems = problems;
        Gauge.builder("wijkroute.api.admission.limit", () -> limit)
                .description("API requests the service works on at once (decision 0068)").register(meters);
        Gauge.builder("wijkroute.api.admission.waiting", turns, Semaphore::getQueueLength)
                .description("API requests waiting for their turn").register(meters);
        Gauge.builder("wijkroute.api.admission.active", turns, semaphore -> limit - semaphore.availablePermits())
                .description("API requests being worked on").register(meters);
        String rejected = "wijkroute.api.admission.rejected";
        String description = "API requests answered 503: they waited longer than max-wait, or max-waiting already waited";
        this.waitedTooLong = Counter.builder(rejected).tag("reason", "waited-too-long").description(description).register(meters);
        this.queueFull = Counter.builder(rejected).tag("reason", "queue-full").description(description).register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Counted before it waits, so requests arriving together cannot pass the bound (the semaphore's queue length
        // is only an estimate). Without room to wait a request still takes a turn that is free right now; the timed
        // tryAcquire respects the fair order, so it never takes a turn from a request already waiting.
        boolean roomToWait = waitingNow.incrementAndGet() <= maxWaiting;
        boolean admitted;
        try {
            admitted = tryTurn(roomToWait ? maxWaitNanos : 0);
        } finally {
            waitingNow.decrementAndGet();
        }
        if (!admitted) {
            (roomToWait ? waitedTooLong : queueFull).increment();
            overloaded(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private boolean tryTurn(long waitNanos) {
        try {
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void overloaded(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                "De service is op dit moment overbelast. Probeer het over een paar seconden opnieuw.");
    }
}
