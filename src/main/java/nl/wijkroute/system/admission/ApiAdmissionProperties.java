package nl.wijkroute.system.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests the service works on at once, how many may wait for their turn and for how long
 * (decision 0068).
 *
 * @param maxConcurrent requests under {@code /api/} worked on at once; 0 (the default) means twice the
 *                      processors the JVM sees, which the route benchmark measured on 2 cores
 * @param maxWaiting    requests that may wait for a turn; one more is answered 503 at once. Each waiting request
 *                      parks a Tomcat thread, so by default it is Tomcat's request threads minus the limit minus
 *                      {@link #THREADS_KEPT_FREE}: those keep serving health probes, the metrics scrape and the
 *                      Cockpit when the API is flooded
 * @param maxWait       how long a request waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("wijkroute.api.admission")
public record ApiAdmissionProperties(
        @DefaultValue("0") int maxConcurrent,
        Integer maxWaiting,
        @DefaultValue("PT10S") Duration maxWait) {

    /** Requests at once per processor when {@code maxConcurrent} is not set. */
    static final int PER_PROCESSOR = 2;

    /** Tomcat threads no waiting API request may take: the probes', the scrape's and the Cockpit's. */
    static final int THREADS_KEPT_FREE = 20;

    public ApiAdmissionProperties {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("wijkroute.api.admission.max-concurrent must be 0 (twice the processors) or more");
        }
        if (maxWaiting != null && maxWaiting < 0) {
            throw new IllegalArgumentException("wijkroute.api.admission.max-waiting must not be negative");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("wijkroute.api.admission.max-wait must not be negative");
        }
    }

    /** The limit in force: the configured one, or twice the processors. */
    int limit(int processors) {
        return maxConcurrent > 0 ? maxConcurrent : PER_PROCESSOR * Math.max(1, processors);
    }

    /**
     * The requests that may wait: the configured number, or what Tomcat's threads leave beside the running ones and
     * those kept free. A configured number that would take the threads kept free is refused at startup.
     */
    int waiting(int limit, int tomcatThreads) {
        int room = Math.max(0, tomcatThreads - limit - THREADS_KEPT_FREE);
        if (maxWaiting == null) {
            return room;
        }
        if (maxWaiting > room) {
            throw new IllegalArgumentException("wijkroute.api.admission.max-waiting (" + maxWaiting + ") plus the limit ("
                    + limit + ") leaves fewer than " + THREADS_KEPT_FREE + " of Tomcat's " + tomcatThreads
                    + " request threads for health probes and the metrics scrape; lower it or raise server.tomcat.threads.max");
        }
        return maxWaiting;
    }
}
